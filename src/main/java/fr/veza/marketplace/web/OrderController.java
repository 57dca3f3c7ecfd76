package fr.veza.marketplace.web;

import fr.veza.identity.CurrentUser;
import fr.veza.marketplace.internal.Order;
import fr.veza.marketplace.internal.OrderService;
import fr.veza.marketplace.internal.Refund;
import fr.veza.marketplace.internal.RefundService;
import fr.veza.marketplace.providers.PaymentGateway;
import fr.veza.marketplace.web.MarketplaceViews.OrderView;
import fr.veza.marketplace.web.MarketplaceViews.RefundView;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/marketplace/orders")
@Tag(name = "Marketplace")
class OrderController {

    private final OrderService orders;
    private final RefundService refunds;
    private final boolean sandbox;

    OrderController(OrderService orders, RefundService refunds, PaymentGateway payments) {
        this.orders = orders;
        this.refunds = refunds;
        this.sandbox = payments.sandbox();
    }

    @PostMapping
    @Operation(
            summary = "Buy products: 201 with what the browser needs to pay; the same Idempotency-Key and body"
                    + " answer the same order (200), never a second payment",
            security = @SecurityRequirement(name = "BearerAuth"),
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "The order, new",
                        content = @Content(schema = @Schema(implementation = OrderView.class))),
                @ApiResponse(
                        responseCode = "200",
                        description = "The order this Idempotency-Key placed before",
                        content = @Content(schema = @Schema(implementation = OrderView.class)))
            })
    ResponseEntity<OrderView> place(
            @AuthenticationPrincipal CurrentUser buyer,
            @Parameter(description = "A fresh random value per order, repeated on every retry of it", required = true)
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey,
            @Valid @RequestBody NewOrder body) {
        OrderService.Placed placed = orders.place(buyer, idempotencyKey, body.productIds());
        OrderView view = view(placed.order(), buyer);
        return placed.created()
                ? ResponseEntity.created(URI.create("/api/v1/marketplace/orders/" + view.id()))
                        .body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping
    @Operation(
            summary = "Orders I bought or sold a line of, newest first",
            security = @SecurityRequirement(name = "BearerAuth"))
    CursorPage<OrderView> mine(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        CursorPage<Order> page = orders.mine(user, Cursor.decode(cursor), limit);
        Map<UUID, List<Refund>> refundsByOrder =
                refunds.forOrders(page.items().stream().map(Order::id).toList());
        return page.map(o -> OrderView.of(o, user, refundsByOrder.getOrDefault(o.id(), List.of()), sandbox));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "An order (its buyer, a seller of one of its lines, or an admin)",
            security = @SecurityRequirement(name = "BearerAuth"))
    OrderView get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer) {
        return view(orders.get(id, viewer), viewer);
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{id}/refund")
    @Operation(
            summary = "Refund a completed order (its buyer within the refund window, or an admin); answers 202 while"
                    + " the provider settles it",
            security = @SecurityRequirement(name = "BearerAuth"))
    ResponseEntity<RefundView> refund(
            @PathVariable UUID id,
            @AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody(required = false) RefundRequest body) {
        var refund = refunds.request(user, id, body == null ? null : body.reason());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(RefundView.of(refund));
    }

    private OrderView view(Order order, CurrentUser viewer) {
        return OrderView.of(
                order, viewer, refunds.forOrders(List.of(order.id())).getOrDefault(order.id(), List.of()), sandbox);
    }

    record NewOrder(@NotNull @Size(min = 1, max = 20) List<@NotNull UUID> productIds) {}

    record RefundRequest(@Size(max = 500) String reason) {}
}
