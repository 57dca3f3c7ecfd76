package fr.veza.marketplace.internal;

import fr.veza.catalog.TrackCatalog;
import fr.veza.catalog.TrackSummary;
import fr.veza.identity.CurrentUser;
import fr.veza.marketplace.Money;
import fr.veza.marketplace.providers.PaymentGateway;
import fr.veza.marketplace.providers.PaymentProviderException;
import fr.veza.marketplace.providers.ProviderPayment;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Placing orders, exactly once per Idempotency-Key. The order row is committed first, then its payment is created
 * under the order's row lock with a payment id derived from the key: parallel retries wait for the one creating
 * the payment and answer the same order, and a retry after a crash creates (or finds) the same payment.
 */
@Service
public class OrderService {

    static final int MAX_LINES = 20;
    static final int MAX_KEY_LENGTH = 255;
    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final OrderRepository orders;
    private final ProductRepository products;
    private final TrackCatalog tracks;
    private final PaymentGateway payments;
    private final TransactionTemplate transactions;
    private final BigDecimal feePercent;

    OrderService(
            OrderRepository orders,
            ProductRepository products,
            TrackCatalog tracks,
            PaymentGateway payments,
            TransactionTemplate transactions,
            MarketplaceSettings settings) {
        this.orders = orders;
        this.products = products;
        this.tracks = tracks;
        this.payments = payments;
        this.transactions = transactions;
        this.feePercent = settings.platformFeePercent();
    }

    /** The order for this key: created now ({@code created}), or the one an earlier identical request made. */
    public Placed place(CurrentUser buyer, String idempotencyKey, List<UUID> productIds) {
        String key = requireKey(idempotencyKey);
        List<UUID> ids = distinct(productIds);
        String hash = requestHash(ids);
        var existing = orders.findByKey(buyer.id(), key);
        if (existing.isPresent()) {
            return new Placed(withPayment(sameRequest(existing.get(), hash), key), false);
        }
        Order draft = draft(buyer, ids, hash);
        boolean created = Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!orders.insert(draft, key)) {
                return false;
            }
            for (int i = 0; i < draft.lines().size(); i++) {
                orders.insertLine(draft.id(), draft.lines().get(i), i);
            }
            return true;
        }));
        Order order = created
                ? orders.find(draft.id()).orElseThrow()
                : sameRequest(orders.findByKey(buyer.id(), key).orElseThrow(), hash);
        if (created) {
            log.info(
                    "order {}: placed by {} for {} {}",
                    order.id(),
                    buyer.id(),
                    order.total().minor(),
                    order.total().currency());
        }
        return new Placed(withPayment(order, key), created);
    }

    /** The buyer, a seller of one of its lines, or an admin; anyone else learns nothing (404). */
    public Order get(UUID id, CurrentUser viewer) {
        return orders.find(id)
                .filter(o -> viewer.isAdmin() || o.involves(viewer.id()))
                .orElseThrow(() -> VezaException.notFound("Order " + id));
    }

    public CursorPage<Order> mine(CurrentUser user, Cursor after, int limit) {
        return CursorPage.of(
                orders.pageFor(user.id(), after, limit + 1), limit, o -> new Cursor(o.createdAt(), o.id()));
    }

    /** Creates the payment once, under the order's lock; a payment already made is simply answered. */
    private Order withPayment(Order order, String key) {
        if (order.paymentId() != null || !"pending".equals(order.status())) {
            return order;
        }
        return transactions.execute(tx -> {
            Order locked = orders.lock(order.id()).orElseThrow();
            if (locked.paymentId() != null) {
                return locked;
            }
            ProviderPayment payment = createOrFind(locked, key);
            orders.paymentCreated(locked.id(), payment.paymentId(), payment.clientSecret());
            log.info("order {}: payment {} created", locked.id(), payment.paymentId());
            return orders.find(locked.id()).orElseThrow();
        });
    }

    private ProviderPayment createOrFind(Order order, String key) {
        String paymentId = paymentId(order.buyerId(), key);
        try {
            return payments.createPayment(new PaymentGateway.NewPayment(
                    paymentId,
                    key,
                    order.total().minor(),
                    order.total().currency(),
                    order.id().toString(),
                    "Veza order " + order.id()));
        } catch (PaymentProviderException refused) {
            // an earlier attempt may have created it before this process lost the answer
            try {
                return payments.payment(paymentId);
            } catch (PaymentProviderException unknown) {
                log.warn("order {}: payment not created: {}", order.id(), refused.getMessage());
                throw new VezaException(
                        ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE,
                        "The payment could not be created; retry with the same Idempotency-Key.");
            }
        }
    }

    private Order draft(CurrentUser buyer, List<UUID> ids, String hash) {
        Map<UUID, Product> found =
                products.findAll(ids).stream().collect(Collectors.toMap(Product::id, Function.identity()));
        Map<UUID, TrackSummary> visible =
                tracks.findVisible(found.values().stream().map(Product::trackId).toList(), buyer);
        List<Order.Line> lines = new ArrayList<>();
        for (UUID id : ids) {
            Product product = found.get(id);
            TrackSummary track = product == null ? null : visible.get(product.trackId());
            if (product == null || !product.published() || track == null || !"ready".equals(track.status())) {
                throw VezaException.invalid("product_ids", "product " + id + " is not for sale");
            }
            if (product.sellerId().equals(buyer.id())) {
                throw VezaException.invalid("product_ids", "you cannot buy your own product " + id);
            }
            lines.add(new Order.Line(
                    UUID.randomUUID(),
                    product.id(),
                    product.sellerId(),
                    product.trackId(),
                    product.kind(),
                    product.licenceTerms(),
                    product.price(),
                    fee(product.price().minor())));
        }
        Set<String> currencies = lines.stream().map(l -> l.price().currency()).collect(Collectors.toSet());
        if (currencies.size() > 1) {
            throw VezaException.invalid("product_ids", "all products of one order must be in one currency");
        }
        long total = lines.stream().mapToLong(l -> l.price().minor()).sum();
        return new Order(
                UUID.randomUUID(),
                buyer.id(),
                "pending",
                new Money(total, currencies.iterator().next()),
                null,
                null,
                null,
                hash,
                null,
                null,
                null,
                null,
                lines);
    }

    /** The platform's share of a price, rounded half up to the minor unit. */
    long fee(long priceMinor) {
        return BigDecimal.valueOf(priceMinor)
                .multiply(feePercent)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    private static Order sameRequest(Order order, String hash) {
        if (!order.requestHash().equals(hash)) {
            throw new VezaException(
                    ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was first used for order " + order.id()
                            + " with other products; use a new key for a new order.");
        }
        return order;
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new VezaException(
                    ErrorCode.IDEMPOTENCY_KEY_REQUIRED,
                    "Send an Idempotency-Key header (a fresh random value per order, the same on every retry).");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw VezaException.invalid("Idempotency-Key", "at most " + MAX_KEY_LENGTH + " characters");
        }
        return key.strip();
    }

    private static List<UUID> distinct(List<UUID> productIds) {
        if (productIds == null || productIds.isEmpty() || productIds.size() > MAX_LINES) {
            throw VezaException.invalid("product_ids", "between 1 and " + MAX_LINES + " products");
        }
        Set<UUID> unique = new LinkedHashSet<>(productIds);
        if (unique.size() != productIds.size() || unique.contains(null)) {
            throw VezaException.invalid("product_ids", "each product once");
        }
        return List.copyOf(unique);
    }

    /** The same products in any order are the same request. */
    static String requestHash(List<UUID> ids) {
        String canonical = ids.stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
        return HexFormat.of().formatHex(sha256(canonical));
    }

    /** Ours, stable for a buyer's key: the provider refuses a second payment with the same id. */
    static String paymentId(UUID buyerId, String key) {
        return "pay_" + HexFormat.of().formatHex(sha256(buyerId + ":" + key)).substring(0, 40);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Placed(Order order, boolean created) {}
}
