package fr.veza.marketplace.web;

import fr.veza.catalog.TrackCatalog;
import fr.veza.catalog.TrackSummary;
import fr.veza.identity.CurrentUser;
import fr.veza.marketplace.Money;
import fr.veza.marketplace.internal.Product;
import fr.veza.marketplace.internal.ProductService;
import fr.veza.marketplace.internal.SellerAccount;
import fr.veza.marketplace.internal.SellerService;
import fr.veza.platform.config.CurrencySettings;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.FormErrors;
import fr.veza.platform.web.Page;
import fr.veza.platform.web.TypedAmounts;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Selling from the studio: whether payouts can reach the artist (Stripe Connect onboarding from a button), every
 * offer with its price, and on each track's studio page the offers of that track with a form to add one. The same
 * services and rules as the API; a refused price is shown beside its field.
 */
@Page
class SellingPages {

    static final String LABELS = "selling.field.";
    private static final int SHOWN = 200;

    private final ProductService products;
    private final SellerService sellers;
    private final TrackCatalog tracks;
    private final CurrencySettings currencies;
    private final TypedAmounts amounts;
    private final FormErrors formErrors;

    SellingPages(
            ProductService products,
            SellerService sellers,
            TrackCatalog tracks,
            CurrencySettings currencies,
            TypedAmounts amounts,
            FormErrors formErrors) {
        this.amounts = amounts;
        this.products = products;
        this.sellers = sellers;
        this.tracks = tracks;
        this.currencies = currencies;
        this.formErrors = formErrors;
    }

    @GetMapping("/studio/selling")
    String selling(@AuthenticationPrincipal CurrentUser seller, Model model) {
        List<Product> offers = products.mine(seller, null, SHOWN);
        Map<UUID, TrackSummary> titles = tracks.findVisible(
                offers.stream().map(Product::trackId).distinct().toList(), seller);
        model.addAttribute("payouts", readiness(seller));
        model.addAttribute(
                "offers",
                offers.stream()
                        .map(offer -> OfferLine.of(offer, titles.get(offer.trackId())))
                        .toList());
        return "marketplace/selling";
    }

    /** Stripe's onboarding, reached from a button; Stripe sends the artist back to the selling page. */
    @PostMapping("/studio/selling/onboarding")
    String onboard(@AuthenticationPrincipal CurrentUser seller) {
        return "redirect:" + sellers.onboard(seller).onboardingUrl();
    }

    /** The track's offers, a full page of its own that the track's studio page shows in place. */
    @GetMapping("/studio/tracks/{id}/selling")
    String trackSelling(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser seller, Model model) {
        model.addAttribute("form", OfferForm.EMPTY);
        model.addAttribute("errors", Map.of());
        return trackPage(ownTrack(id, seller), seller, model);
    }

    @PostMapping("/studio/tracks/{id}/selling")
    String offer(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser seller,
            OfferForm form,
            HttpServletResponse response,
            Model model) {
        TrackSummary track = ownTrack(id, seller);
        try {
            if (!Product.DOWNLOAD.equals(form.kind()) && !Product.LICENCE.equals(form.kind())) {
                throw VezaException.invalid("kind", "must be a download or a licence");
            }
            products.create(seller, id, form.kind(), form.terms(), price(form.price(), form.currency()));
            return "redirect:/studio/tracks/" + id + "?offered";
        } catch (VezaException refused) {
            response.setStatus(refused.errorCode() == ErrorCode.CONFLICT ? 409 : FormErrors.status(refused));
            model.addAttribute("form", form);
            model.addAttribute("errors", Map.of(field(refused), formErrors.sentence(refused, LABELS)));
            return trackPage(track, seller, model);
        }
    }

    @PostMapping("/studio/selling/{productId}/price")
    String reprice(
            @PathVariable UUID productId,
            @AuthenticationPrincipal CurrentUser seller,
            @RequestParam(defaultValue = "") String price,
            @RequestParam(defaultValue = "") String currency,
            HttpServletResponse response,
            Model model) {
        Product product = products.get(productId, seller);
        try {
            products.update(seller, productId, price(price, currency), null, null);
            return "redirect:/studio/tracks/" + product.trackId() + "?repriced";
        } catch (VezaException refused) {
            response.setStatus(FormErrors.status(refused));
            model.addAttribute("form", OfferForm.EMPTY);
            model.addAttribute("errors", Map.of("price-" + productId, formErrors.sentence(refused, LABELS)));
            return trackPage(ownTrack(product.trackId(), seller), seller, model);
        }
    }

    /** Withdraw an offer, or put it on sale again; past buyers keep what they bought either way. */
    @PostMapping("/studio/selling/{productId}/{action:withdraw|publish}")
    String publish(
            @PathVariable UUID productId, @PathVariable String action, @AuthenticationPrincipal CurrentUser seller) {
        Product product = products.update(seller, productId, null, null, action.equals("publish"));
        return "redirect:/studio/tracks/" + product.trackId();
    }

    private String trackPage(TrackSummary track, CurrentUser seller, Model model) {
        model.addAttribute("track", track);
        model.addAttribute("payouts", readiness(seller));
        model.addAttribute(
                "offers",
                products.mine(seller, track.id(), SHOWN).stream()
                        .map(offer -> OfferLine.of(offer, track))
                        .toList());
        model.addAttribute("currencies", currencies.accepted());
        return "marketplace/selling-track";
    }

    private TrackSummary ownTrack(UUID id, CurrentUser seller) {
        return tracks.findVisible(id, seller)
                .filter(track -> track.ownerId().equals(seller.id()))
                .orElseThrow(() -> VezaException.notFound("track"));
    }

    private Payouts readiness(CurrentUser seller) {
        try {
            return Payouts.of(Optional.of(sellers.me(seller)));
        } catch (VezaException notStarted) {
            return Payouts.of(Optional.empty());
        }
    }

    private Money price(String amount, String currency) {
        long minor = amounts.minor("price", amount, currency);
        if (minor <= 0 || minor > 100_000_000) {
            throw VezaException.invalid("price", "must be more than zero and at most 1,000,000");
        }
        return new Money(minor, currency);
    }

    private static String field(VezaException refused) {
        if (refused.errorCode() == ErrorCode.CONFLICT) {
            return "kind";
        }
        return refused.violations().isEmpty()
                ? "form"
                : refused.violations().get(0).field();
    }

    /** The offer form as posted. */
    public record OfferForm(String kind, String price, String currency, String terms) {

        static final OfferForm EMPTY = new OfferForm(Product.DOWNLOAD, "", null, "");
    }

    public record OfferLine(Product product, String trackTitle) {

        static OfferLine of(Product product, TrackSummary track) {
            return new OfferLine(product, track == null ? null : track.title());
        }

        public String amount() {
            return TypedAmounts.typed(product.price().minor(), product.price().currency());
        }
    }

    /**
     * Whether sales can be paid out: {@code none} before onboarding started, {@code incomplete} while Stripe still
     * needs details, {@code ready} when Stripe pays the artist out.
     */
    public record Payouts(String state, SellerAccount account) {

        static Payouts of(Optional<SellerAccount> account) {
            return account.map(a -> new Payouts(a.payoutsEnabled() ? "ready" : "incomplete", a))
                    .orElse(new Payouts("none", null));
        }
    }
}
