package fr.veza.marketplace.web;

import fr.veza.identity.CurrentUser;
import fr.veza.marketplace.internal.SalesSummary;
import fr.veza.marketplace.internal.SellerService;
import fr.veza.marketplace.web.MarketplaceViews.OnboardingView;
import fr.veza.marketplace.web.MarketplaceViews.SellerView;
import fr.veza.marketplace.web.MarketplaceViews.TransferView;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sellers")
@Tag(name = "Marketplace")
class SellerController {

    private final SellerService sellers;
    private final SalesSummary sales;

    SellerController(SellerService sellers, SalesSummary sales) {
        this.sellers = sellers;
        this.sales = sales;
    }

    @GetMapping("/me/sales")
    @Operation(
            summary = "My sales of the last days (per currency: sales, refunded, paid by buyers, earned after the"
                    + " platform fee) and my payouts by status, all time",
            security = @SecurityRequirement(name = "BearerAuth"))
    SalesView sales(
            @AuthenticationPrincipal CurrentUser seller,
            @RequestParam(defaultValue = "30") @Min(1) @Max(SalesSummary.MAX_DAYS) int days) {
        SalesSummary.Summary summary = sales.of(seller, days);
        return new SalesView(
                summary.days(),
                summary.sales(),
                summary.revenue().stream()
                        .map(r -> new SalesView.Revenue(r.currency(), r.sales(), r.refunded(), r.gross(), r.earned()))
                        .toList(),
                summary.payouts().stream()
                        .map(p -> new SalesView.Payouts(p.status().value(), p.currency(), p.transfers(), p.amount()))
                        .toList());
    }

    /** Amounts in the currency's minor unit. */
    record SalesView(int days, long sales, List<Revenue> revenue, List<Payouts> payouts) {

        record Revenue(String currency, long sales, long refunded, long grossMinor, long earnedMinor) {}

        record Payouts(String status, String currency, long transfers, long amountMinor) {}
    }

    @PostMapping("/onboarding")
    @Operation(
            summary = "Create my Stripe Connect (Express) account if needed, and get a link to finish onboarding",
            security = @SecurityRequirement(name = "BearerAuth"))
    OnboardingView onboard(@AuthenticationPrincipal CurrentUser user) {
        SellerService.Onboarding onboarding = sellers.onboard(user);
        return new OnboardingView(onboarding.onboardingUrl(), SellerView.of(onboarding.account()));
    }

    @GetMapping("/me")
    @Operation(
            summary = "My payout readiness, as Stripe reports it now",
            security = @SecurityRequirement(name = "BearerAuth"))
    SellerView me(@AuthenticationPrincipal CurrentUser user) {
        return SellerView.of(sellers.me(user));
    }

    @GetMapping("/me/transfers")
    @Operation(summary = "My payouts, newest first", security = @SecurityRequirement(name = "BearerAuth"))
    CursorPage<TransferView> transfers(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return sellers.transfers(user.id(), Cursor.decode(cursor), limit).map(TransferView::of);
    }
}
