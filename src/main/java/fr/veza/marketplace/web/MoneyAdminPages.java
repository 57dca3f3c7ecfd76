package fr.veza.marketplace.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.UserDirectory;
import fr.veza.marketplace.internal.ReconcileWorker;
import fr.veza.marketplace.internal.Refund;
import fr.veza.marketplace.internal.Transfer;
import fr.veza.marketplace.internal.TransferAdministration;
import fr.veza.marketplace.internal.TransferStatus;
import fr.veza.marketplace.internal.WebhookLog;
import fr.veza.platform.web.AdminDecisions;
import fr.veza.platform.web.ClientIpResolver;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import fr.veza.platform.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's money: payouts by status with a retry for failed ones, the latest refunds, a reconciliation pass on
 * demand with what it did, and the Hyperswitch webhook log filtered by signature and result. Decisions are
 * confirmed by a ticked box and audited by the same service as the admin API.
 */
@Page
class MoneyAdminPages {

    private static final int SHOWN = 50;
    private static final List<String> REFUND_STATUSES = List.of("pending", "succeeded", "failed");

    private final TransferAdministration transfers;
    private final WebhookLog webhookLog;
    private final UserDirectory users;
    private final AdminDecisions decisions;
    private final ClientIpResolver ips;

    MoneyAdminPages(
            TransferAdministration transfers,
            WebhookLog webhookLog,
            UserDirectory users,
            AdminDecisions decisions,
            ClientIpResolver ips) {
        this.transfers = transfers;
        this.webhookLog = webhookLog;
        this.users = users;
        this.decisions = decisions;
        this.ips = ips;
    }

    @GetMapping("/admin/money")
    String money(
            @RequestParam(defaultValue = "") String status,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "") String refunds,
            Model model) {
        return moneyPage(status, cursor, refunds, model, Map.of());
    }

    @PostMapping("/admin/money/transfers/{id}/retry")
    String retry(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(defaultValue = "") String status,
            @AuthenticationPrincipal CurrentUser admin,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var retried =
                decisions.take("retry-" + id, confirm, () -> transfers.retry(id, admin.id(), ips.resolve(request)));
        if (retried.taken()) {
            return "redirect:/admin/money?retried=" + retried.outcome().status().value() + "&status=" + status(status);
        }
        response.setStatus(422);
        return moneyPage(status, null, "", model, retried.refused());
    }

    @PostMapping("/admin/money/reconcile")
    String reconcile(
            @RequestParam(defaultValue = "false") boolean confirm,
            @AuthenticationPrincipal CurrentUser admin,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var reconciled =
                decisions.take("reconcile", confirm, () -> transfers.reconcileNow(admin.id(), ips.resolve(request)));
        if (!reconciled.taken()) {
            response.setStatus(422);
            return moneyPage("", null, "", model, reconciled.refused());
        }
        ReconcileWorker.Pass pass = reconciled.outcome();
        return "redirect:/admin/money?reconciled&synced=" + pass.synced() + "&open=" + pass.stillOpen() + "&orphans="
                + pass.orphansFailed() + "&errors=" + pass.readErrors();
    }

    @GetMapping("/admin/money/webhooks")
    String webhooks(
            @RequestParam(defaultValue = "") String signature,
            @RequestParam(defaultValue = "") String result,
            @RequestParam(required = false) String cursor,
            Model model) {
        Boolean valid = "valid".equals(signature) ? Boolean.TRUE : "invalid".equals(signature) ? Boolean.FALSE : null;
        String shownResult = WebhookLog.RESULTS.contains(result) ? result : null;
        model.addAttribute("signature", valid == null ? "" : signature);
        model.addAttribute("result", shownResult == null ? "" : shownResult);
        model.addAttribute("results", WebhookLog.RESULTS);
        model.addAttribute("deliveries", webhookLog.page(valid, shownResult, cursor, SHOWN));
        return "marketplace/admin-webhooks";
    }

    private String moneyPage(
            String status, String cursor, String refundStatus, Model model, Map<String, String> errors) {
        String shown = status(status);
        CursorPage<Transfer> page =
                transfers.list(shown.isEmpty() ? null : TransferStatus.of(shown), Cursor.decode(cursor), SHOWN);
        String refundsShown = REFUND_STATUSES.contains(refundStatus) ? refundStatus : "";
        List<Refund> refunds = transfers.refunds(refundsShown.isEmpty() ? null : refundsShown, SHOWN);
        model.addAttribute("status", shown);
        model.addAttribute(
                "statuses",
                Arrays.stream(TransferStatus.values())
                        .map(TransferStatus::value)
                        .toList());
        model.addAttribute("transfers", page);
        model.addAttribute("refunds", refunds);
        model.addAttribute("refundStatus", refundsShown);
        model.addAttribute("refundStatuses", REFUND_STATUSES);
        model.addAttribute(
                "people",
                users.findAll(Stream.concat(
                                page.items().stream().map(Transfer::sellerId),
                                refunds.stream().map(Refund::requestedBy))
                        .distinct()
                        .toList()));
        model.addAttribute("errors", errors);
        return "marketplace/admin-money";
    }

    private static String status(String value) {
        return Arrays.stream(TransferStatus.values()).anyMatch(s -> s.value().equals(value)) ? value : "";
    }
}
