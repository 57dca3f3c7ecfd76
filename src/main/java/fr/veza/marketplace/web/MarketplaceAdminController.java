package fr.veza.marketplace.web;

import fr.veza.identity.CurrentUser;
import fr.veza.marketplace.internal.ReconcileWorker;
import fr.veza.marketplace.internal.TransferAdministration;
import fr.veza.marketplace.internal.TransferStatus;
import fr.veza.marketplace.internal.WebhookLog;
import fr.veza.marketplace.web.MarketplaceViews.TransferView;
import fr.veza.marketplace.web.MarketplaceViews.WebhookLogView;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.ClientIpResolver;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators' view of money: payouts, reconciliation on demand, and the webhook log. Admins only. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Admin")
class MarketplaceAdminController {

    private final TransferAdministration transfers;
    private final WebhookLog webhookLog;
    private final ClientIpResolver ips;

    MarketplaceAdminController(TransferAdministration transfers, WebhookLog webhookLog, ClientIpResolver ips) {
        this.transfers = transfers;
        this.webhookLog = webhookLog;
        this.ips = ips;
    }

    @GetMapping("/transfers")
    @Operation(
            summary = "Payouts, newest first, optionally in one status",
            security = @SecurityRequirement(name = "BearerAuth"))
    CursorPage<TransferView> transfers(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return transfers.list(status(status), Cursor.decode(cursor), limit).map(TransferView::of);
    }

    @PostMapping("/transfers/{id}/retry")
    @Operation(
            summary = "Retry a failed payout now (or its reversal, if the money had left)",
            security = @SecurityRequirement(name = "BearerAuth"))
    TransferView retry(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser admin, HttpServletRequest request) {
        return TransferView.of(transfers.retry(id, admin.id(), ips.resolve(request)));
    }

    @PostMapping("/reconcile")
    @Operation(
            summary = "Run one reconciliation pass now and say what it did",
            security = @SecurityRequirement(name = "BearerAuth"))
    ReconcileWorker.Pass reconcile(@AuthenticationPrincipal CurrentUser admin, HttpServletRequest request) {
        return transfers.reconcileNow(admin.id(), ips.resolve(request));
    }

    @GetMapping("/webhooks/hyperswitch")
    @Operation(
            summary = "Hyperswitch deliveries, newest first; signature_valid=false shows probes and forgeries",
            description = "result: ok, skipped, signature_invalid or error (every error)",
            security = @SecurityRequirement(name = "BearerAuth"))
    CursorPage<WebhookLogView> webhooks(
            @RequestParam(name = "signature_valid", required = false) Boolean signatureValid,
            @RequestParam(required = false) String result,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return webhookLog.page(signatureValid, result, cursor, limit).map(WebhookLogView::of);
    }

    private static TransferStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TransferStatus.of(value);
        } catch (IllegalArgumentException unknown) {
            throw VezaException.invalid("status", "unknown transfer status " + value);
        }
    }
}
