package fr.veza.marketplace.web;

import fr.veza.identity.CurrentUser;
import fr.veza.marketplace.internal.SalesSummary;
import fr.veza.marketplace.internal.SellerService;
import fr.veza.platform.web.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sales, revenue and payouts: the marketplace's part of the artist's dashboard, a page of its own it shows. */
@Page
class SalesPages {

    private static final int DAYS = 30;
    private static final int RECENT_PAYOUTS = 10;

    private final SalesSummary sales;
    private final SellerService sellers;

    SalesPages(SalesSummary sales, SellerService sellers) {
        this.sales = sales;
        this.sellers = sellers;
    }

    @GetMapping("/studio/dashboard/sales")
    String sales(@AuthenticationPrincipal CurrentUser seller, Model model) {
        model.addAttribute("summary", sales.of(seller, DAYS));
        model.addAttribute(
                "recent", sellers.transfers(seller.id(), null, RECENT_PAYOUTS).items());
        return "marketplace/dashboard-sales";
    }
}
