package fr.veza.marketplace.web;

import fr.veza.identity.CurrentUser;
import fr.veza.marketplace.internal.MarketplaceSettings;
import fr.veza.marketplace.internal.Order;
import fr.veza.marketplace.internal.OrderService;
import fr.veza.marketplace.internal.RefundService;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.FormErrors;
import fr.veza.platform.web.Page;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A buyer's refund, on their order's page: the refunds asked for and their state, and within
 * {@code REFUND_WINDOW} of the payment a form to ask for one, through the same two-phase refund as the API.
 */
@Page
class RefundPages {

    private final OrderService orders;
    private final RefundService refunds;
    private final MarketplaceSettings settings;
    private final FormErrors formErrors;
    private final Clock clock;

    RefundPages(
            OrderService orders,
            RefundService refunds,
            MarketplaceSettings settings,
            FormErrors formErrors,
            Clock clock) {
        this.orders = orders;
        this.refunds = refunds;
        this.settings = settings;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/orders/{id}/refund")
    String refund(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser buyer, Model model) {
        return refundPage(bought(id, buyer), model, Map.of(), "");
    }

    @PostMapping("/orders/{id}/refund")
    String request(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean confirm,
            @AuthenticationPrincipal CurrentUser buyer,
            HttpServletResponse response,
            Model model) {
        Order order = bought(id, buyer);
        if (reason.length() > 500) {
            response.setStatus(422);
            return refundPage(order, model, Map.of("reason", formErrors.text("refund.reason-too-long")), reason);
        }
        if (!confirm) {
            response.setStatus(422);
            return refundPage(order, model, Map.of("confirm", formErrors.text("refund.confirm-needed")), reason);
        }
        try {
            refunds.request(buyer, id, reason.isBlank() ? null : reason.strip());
            return "redirect:/orders/" + id + "/refund?requested";
        } catch (VezaException refused) {
            response.setStatus(refused.errorCode().status());
            return refundPage(order, model, Map.of("form", refused.getMessage()), reason);
        }
    }

    private String refundPage(Order order, Model model, Map<String, String> errors, String reason) {
        Instant until = order.completedAt() == null ? null : order.completedAt().plus(settings.refundWindow());
        model.addAttribute("order", order);
        model.addAttribute("refunds", refunds.forOrders(List.of(order.id())).getOrDefault(order.id(), List.of()));
        model.addAttribute("until", until);
        model.addAttribute(
                "refundable", "completed".equals(order.status()) && until != null && until.isAfter(clock.instant()));
        model.addAttribute("errors", errors);
        model.addAttribute("reason", reason);
        return "marketplace/refund";
    }

    /** The viewer's own order; a seller or anyone else has no refund to ask for here. */
    private Order bought(UUID id, CurrentUser buyer) {
        Order order = orders.get(id, buyer);
        if (!order.buyerId().equals(buyer.id())) {
            throw VezaException.notFound("Order " + id);
        }
        return order;
    }
}
