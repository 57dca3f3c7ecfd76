package fr.veza.marketplace.web;

import fr.veza.catalog.TrackCatalog;
import fr.veza.catalog.TrackSummary;
import fr.veza.identity.CurrentUser;
import fr.veza.marketplace.internal.Product;
import fr.veza.marketplace.internal.Purchase;
import fr.veza.marketplace.internal.PurchaseService;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import fr.veza.platform.web.Page;
import fr.veza.platform.web.SignedInPages;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** What a listener bought, with the download of each active purchase and the terms of each licence. */
@Page
class PurchasePages {

    private static final int PAGE = 30;

    private final PurchaseService purchases;
    private final TrackCatalog tracks;

    PurchasePages(PurchaseService purchases, TrackCatalog tracks) {
        this.purchases = purchases;
        this.tracks = tracks;
    }

    @GetMapping("/library/purchases")
    String purchases(
            @RequestParam(required = false) String cursor, @AuthenticationPrincipal CurrentUser buyer, Model model) {
        CursorPage<Purchase> page = purchases.mine(buyer, Cursor.decode(cursor), PAGE);
        // a buyer keeps a track they bought even once it is private: the title comes from the catalog when it is
        // still visible, the purchase itself stays listed either way
        Map<UUID, TrackSummary> bought =
                tracks.findVisible(page.items().stream().map(Purchase::trackId).toList(), buyer);
        model.addAttribute("purchases", page.map(p -> new BoughtItem(p, bought.get(p.trackId()))));
        return "marketplace/purchases";
    }

    /** A licence as a page the buyer can print or show: who may use which track, on which terms. */
    @GetMapping("/library/purchases/{id}/licence")
    String licence(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser buyer, Model model) {
        Purchase purchase = purchases.active(buyer, id);
        if (!Product.LICENCE.equals(purchase.kind())) {
            throw fr.veza.platform.errors.VezaException.notFound("Licence " + id);
        }
        model.addAttribute("purchase", purchase);
        model.addAttribute(
                "track", tracks.findVisible(purchase.trackId(), buyer).orElse(null));
        return "marketplace/licence";
    }

    record BoughtItem(Purchase purchase, TrackSummary track) {}

    @Bean
    static SignedInPages purchaseSignedInPages() {
        return () -> List.of("/library/purchases", "/library/purchases/**");
    }
}
