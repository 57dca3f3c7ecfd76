package fr.veza.developer.internal;

import fr.veza.catalog.TrackReady;
import fr.veza.identity.UserDirectory;
import fr.veza.identity.UserDirectory.UserSummary;
import fr.veza.marketplace.OrderPaid;
import fr.veza.social.UserFollowed;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns domain events into webhook deliveries, after the transaction that produced them committed; the event
 * publication registry retries a listener that failed, and the derived event id keeps a retry from queueing twice.
 */
@Component
class WebhookEventListener {

    private final WebhookService webhooks;
    private final UserDirectory users;

    WebhookEventListener(WebhookService webhooks, UserDirectory users) {
        this.webhooks = webhooks;
        this.users = users;
    }

    @ApplicationModuleListener
    void on(TrackReady event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("track_id", event.trackId());
        data.put("title", event.title());
        data.put("duration_ms", event.durationMs());
        data.put("ready_at", event.readyAt().toString());
        UUID eventId = UUID.nameUUIDFromBytes(
                ("track.ready:" + event.trackId() + ":" + event.readyAt()).getBytes(StandardCharsets.UTF_8));
        webhooks.enqueue(event.ownerId(), eventId, WebhookEvent.TRACK_READY, data);
    }

    /** Tells the followed person; the follower is named by id and username only. */
    @ApplicationModuleListener
    void on(UserFollowed event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("follower_id", event.followerId());
        data.put(
                "follower_username",
                users.find(event.followerId()).map(UserSummary::username).orElse(null));
        data.put("followed_at", event.at().toString());
        UUID eventId = UUID.nameUUIDFromBytes(
                ("follower.new:" + event.followerId() + ":" + event.followingId() + ":" + event.at())
                        .getBytes(StandardCharsets.UTF_8));
        webhooks.enqueue(event.followingId(), eventId, WebhookEvent.FOLLOWER_NEW, data);
    }

    /** Tells each seller of the order about their own lines only; the buyer is not named. */
    @ApplicationModuleListener
    void on(OrderPaid event) {
        for (OrderPaid.Line line : event.lines()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("order_id", event.orderId());
            data.put("product_id", line.productId());
            data.put("track_id", line.trackId());
            data.put("kind", line.kind());
            data.put(
                    "price",
                    Map.of(
                            "amount",
                            line.price().minor(),
                            "currency",
                            line.price().currency()));
            data.put(
                    "payout",
                    Map.of(
                            "amount",
                            line.sellerAmount().minor(),
                            "currency",
                            line.sellerAmount().currency()));
            data.put("sold_at", event.paidAt().toString());
            UUID eventId = UUID.nameUUIDFromBytes(
                    ("sale.new:" + event.orderId() + ":" + line.productId()).getBytes(StandardCharsets.UTF_8));
            webhooks.enqueue(line.sellerId(), eventId, WebhookEvent.SALE_NEW, data);
        }
    }
}
