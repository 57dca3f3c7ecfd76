package fr.veza.notifications.internal;

import fr.veza.gear.WarrantyEnding;
import fr.veza.marketplace.OrderPaid;
import fr.veza.social.TrackCommented;
import fr.veza.social.TrackLiked;
import fr.veza.social.UserFollowed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns social and marketplace events into notifications once their transaction committed. Nobody is notified of their own
 * doing. Each notification is keyed by its source (one per follower, one per liker and track, one per comment), so
 * a redelivered event, or liking and unliking over and over, notifies once.
 */
@Component
class NotificationListener {

    private final NotificationRepository notifications;

    NotificationListener(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(UserFollowed event) {
        notifications.insert(
                event.followingId(), event.followerId(), "new_follower", Map.of(), "follow:" + event.followerId());
    }

    @ApplicationModuleListener
    void on(TrackLiked event) {
        if (event.userId().equals(event.trackOwnerId())) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("track_id", event.trackId());
        payload.put("track_title", event.trackTitle());
        notifications.insert(
                event.trackOwnerId(),
                event.userId(),
                "track_liked",
                payload,
                "like:" + event.userId() + ":" + event.trackId());
    }

    @ApplicationModuleListener
    void on(TrackCommented event) {
        if (event.authorId().equals(event.trackOwnerId())) {
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("track_id", event.trackId());
        payload.put("track_title", event.trackTitle());
        payload.put("comment_id", event.commentId());
        payload.put("excerpt", event.excerpt());
        notifications.insert(
                event.trackOwnerId(), event.authorId(), "track_commented", payload, "comment:" + event.commentId());
    }

    /** The buyer hears of the purchase; each seller of a line hears of their sale (never the buyer's own). */
    @ApplicationModuleListener
    void on(WarrantyEnding event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("item_id", event.itemId());
        payload.put("name", event.name());
        payload.put("warranty_end", event.warrantyEnd().toString());
        notifications.insert(
                event.ownerId(),
                null,
                "warranty_ending",
                payload,
                "warranty:" + event.itemId() + ":" + event.warrantyEnd());
    }

    @ApplicationModuleListener
    void on(OrderPaid event) {
        Map<String, Object> purchase = new LinkedHashMap<>();
        purchase.put("order_id", event.orderId());
        purchase.put("items", event.lines().size());
        notifications.insert(event.buyerId(), null, "purchase_completed", purchase, "purchase:" + event.orderId());
        for (OrderPaid.Line line : event.lines()) {
            Map<String, Object> sale = new LinkedHashMap<>();
            sale.put("order_id", event.orderId());
            sale.put("product_id", line.productId());
            sale.put("track_id", line.trackId());
            sale.put("kind", line.kind());
            sale.put("amount", line.sellerAmount().minor());
            sale.put("currency", line.sellerAmount().currency());
            notifications.insert(
                    line.sellerId(),
                    event.buyerId(),
                    "new_sale",
                    sale,
                    "sale:" + event.orderId() + ":" + line.productId());
        }
    }
}
