package fr.veza.marketplace.web;

import fr.veza.identity.CurrentUser;
import fr.veza.marketplace.internal.Purchase;
import fr.veza.marketplace.internal.PurchaseService;
import fr.veza.marketplace.web.MarketplaceViews.LicenceView;
import fr.veza.marketplace.web.MarketplaceViews.PurchaseView;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/marketplace/purchases")
@Tag(name = "Marketplace")
class PurchaseController {

    private final PurchaseService purchases;

    PurchaseController(PurchaseService purchases) {
        this.purchases = purchases;
    }

    @GetMapping
    @Operation(
            summary = "What I bought, newest first (refunded ones show revoked_at)",
            security = @SecurityRequirement(name = "BearerAuth"))
    CursorPage<PurchaseView> mine(
            @AuthenticationPrincipal CurrentUser buyer,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return purchases.mine(buyer, Cursor.decode(cursor), limit).map(PurchaseView::of);
    }

    @GetMapping("/{id}/licence")
    @Operation(summary = "The licence I hold (410 once refunded)", security = @SecurityRequirement(name = "BearerAuth"))
    LicenceView licence(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser buyer) {
        Purchase purchase = purchases.active(buyer, id);
        if (!"licence".equals(purchase.kind())) {
            throw VezaException.notFound("Licence " + id);
        }
        return LicenceView.of(purchase);
    }

    @GetMapping("/{id}/download")
    @Operation(
            summary = "The original file of a track I bought: 303 to the track's original, which checks the purchase",
            security = @SecurityRequirement(name = "BearerAuth"))
    ResponseEntity<Void> download(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser buyer) {
        Purchase purchase = purchases.active(buyer, id);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/api/v1/tracks/" + purchase.trackId() + "/original"))
                .build();
    }
}
