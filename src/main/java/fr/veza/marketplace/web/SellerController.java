package fr.veza.marketplace.web;

import fr.veza.identity.CurrentUser;
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

    SellerController(SellerService sellers) {
        this.sellers = sellers;
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
