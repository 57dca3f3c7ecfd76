package fr.veza.marketplace.web;

import fr.veza.catalog.TrackCatalog;
import fr.veza.catalog.TrackSummary;
import fr.veza.identity.CurrentUser;
import fr.veza.marketplace.internal.MarketplaceSettings;
import fr.veza.marketplace.internal.Order;
import fr.veza.marketplace.internal.OrderService;
import fr.veza.marketplace.internal.SandboxWebhooks;
import fr.veza.marketplace.providers.PaymentGateway;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.ContentSecurityPolicy;
import fr.veza.platform.web.Page;
import fr.veza.platform.web.SignedInPages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Buying from a page: "Buy" posts the product with the key its form was rendered with, so a double click or a
 * resent form answers the same order, never a second one; the order page shows the lines, the total and the
 * payment step, and follows the status until the payment settles.
 */
@Page
class CheckoutPages {

    private final OrderService orders;
    private final TrackCatalog tracks;
    private final SandboxWebhooks sandboxWebhooks;
    private final boolean sandbox;
    private final MarketplaceSettings.Hyperswitch provider;

    CheckoutPages(
            OrderService orders,
            TrackCatalog tracks,
            SandboxWebhooks sandboxWebhooks,
            PaymentGateway payments,
            MarketplaceSettings settings) {
        this.orders = orders;
        this.tracks = tracks;
        this.sandboxWebhooks = sandboxWebhooks;
        this.sandbox = payments.sandbox();
        this.provider = settings.hyperswitch();
    }

    @PostMapping("/checkout")
    String checkout(@RequestParam UUID product, @RequestParam String key, @AuthenticationPrincipal CurrentUser buyer) {
        Order order = orders.place(buyer, key, List.of(product)).order();
        return "redirect:/orders/" + order.id();
    }

    @GetMapping("/orders/{id}")
    String order(
            @PathVariable UUID id,
            @RequestParam(required = false) String submitted,
            @AuthenticationPrincipal CurrentUser viewer,
            Model model,
            HttpServletResponse response) {
        Order order = orders.get(id, viewer);
        boolean buyer = order.buyerId().equals(viewer.id());
        Map<UUID, TrackSummary> bought = tracks.findVisible(
                order.lines().stream().map(Order.Line::trackId).toList(), viewer);
        model.addAttribute("order", order);
        model.addAttribute("buyer", buyer);
        model.addAttribute(
                "lines",
                order.linesSeenBy(viewer).stream()
                        .map(line -> new OrderLine(line, bought.get(line.trackId())))
                        .toList());
        boolean payable = buyer && "pending".equals(order.status()) && order.paymentId() != null;
        model.addAttribute("sandbox", sandbox);
        model.addAttribute("payable", payable);
        model.addAttribute("submitted", submitted != null);
        // once the form was sent (the provider comes back with ?submitted), the page only follows the status
        if (payable && !sandbox && submitted == null && provider.paymentForm()) {
            // the provider's form is its script in its frames: this page, and only it, lets that origin in
            model.addAttribute(
                    "checkout",
                    new ProviderCheckout(
                            provider.sdkUrl().toString(), provider.publishableKey(), order.clientSecret()));
            response.setHeader("Content-Security-Policy", ContentSecurityPolicy.siteAllowing(provider.sdkUrl()));
        }
        return "marketplace/order";
    }

    /** The sandbox's stand-in for the buyer's bank: settles the payment as the provider's webhook would. */
    @PostMapping("/orders/{id}/sandbox/{outcome:succeed|fail}")
    String settle(@PathVariable UUID id, @PathVariable String outcome, @AuthenticationPrincipal CurrentUser viewer) {
        Order order = orders.get(id, viewer);
        if (!sandbox || !order.buyerId().equals(viewer.id()) || order.paymentId() == null) {
            throw VezaException.notFound("Sandbox payment of order " + id);
        }
        if ("pending".equals(order.status())) {
            sandboxWebhooks.settlePayment(order.paymentId(), "succeed".equals(outcome));
        }
        return "redirect:/orders/" + id;
    }

    record OrderLine(Order.Line line, TrackSummary track) {}

    /** What the provider's payment form needs in the browser: its script, the public key, the order's secret. */
    record ProviderCheckout(String sdkUrl, String publishableKey, String clientSecret) {}

    @Bean
    static SignedInPages checkoutSignedInPages() {
        return () -> List.of("/checkout", "/orders/**");
    }
}
