package fr.veza.notifications.internal;

import fr.veza.chat.ChatMessageSent;
import fr.veza.chat.Presence;
import fr.veza.gear.WarrantyEnding;
import fr.veza.legal.TrackRestored;
import fr.veza.legal.TrackTakenDown;
import fr.veza.marketplace.OrderPaid;
import fr.veza.moderation.AppealDecided;
import fr.veza.moderation.ContentModerated;
import fr.veza.moderation.ReportsOverdue;
import fr.veza.social.TrackCommented;
import fr.veza.social.TrackLiked;
import fr.veza.social.TrackReposted;
import fr.veza.social.UserFollowed;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns social and marketplace events into notifications once their transaction committed. Nobody is notified of their own
 * doing. Each notification is keyed by its source (one per follower, one per liker and track, one per comment), so
 * a redelivered event, or liking and unliking over and over, notifies once.
 */
@Component
class NotificationListener {

    /** Someone counts as away, for chat, once they have had Veza closed this long. */
    static final Duration CHAT_AWAY = Duration.ofMinutes(5);

    private final Notifier notifier;
    private final Presence presence;

    NotificationListener(Notifier notifier, Presence presence) {
        this.notifier = notifier;
        this.presence = presence;
    }

    @ApplicationModuleListener
    void on(UserFollowed event) {
        notifier.notify(
                event.followingId(), event.followerId(), "new_follower", Map.of(), "follow:" + event.followerId());
    }

    @ApplicationModuleListener
    void on(TrackLiked event) {
        if (event.userId().equals(event.trackOwnerId())) {
            return;
        }
        notifier.notify(
                event.trackOwnerId(),
                event.userId(),
                "track_liked",
                track(event.trackId(), event.trackTitle()),
                "like:" + event.userId() + ":" + event.trackId());
    }

    @ApplicationModuleListener
    void on(TrackCommented event) {
        if (event.authorId().equals(event.trackOwnerId())) {
            return;
        }
        Map<String, Object> payload = track(event.trackId(), event.trackTitle());
        payload.put("comment_id", event.commentId());
        payload.put("excerpt", event.excerpt());
        notifier.notify(
                event.trackOwnerId(), event.authorId(), "track_commented", payload, "comment:" + event.commentId());
    }

    @ApplicationModuleListener
    void on(TrackReposted event) {
        if (!event.reposted() || event.userId().equals(event.trackOwnerId())) {
            return;
        }
        notifier.notify(
                event.trackOwnerId(),
                event.userId(),
                "track_reposted",
                track(event.trackId(), event.trackTitle()),
                "repost:" + event.userId() + ":" + event.trackId());
    }

    /**
     * Only members away for {@link #CHAT_AWAY} hear of a message as a notification, once per room while they are
     * away (keyed by the room and their absence) however many messages follow; the others see it in the chat. A
     * member named as {@code @username} is told of that message whether here or not.
     */
    @ApplicationModuleListener
    void on(ChatMessageSent event) {
        for (UUID member : event.recipients()) {
            if (event.mentioned().contains(member)) {
                // a mention is news even for someone who is here: once per message
                notifier.notify(member, event.authorId(), "chat_mention", chat(event), "mention:" + event.messageId());
                continue;
            }
            presence.awaySince(member, CHAT_AWAY)
                    .ifPresent(seen -> notifier.notify(
                            member,
                            event.authorId(),
                            "chat_message",
                            chat(event),
                            "chat:" + event.roomId() + ":" + seen.toEpochMilli()));
        }
    }

    private static Map<String, Object> chat(ChatMessageSent event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("room_id", event.roomId());
        payload.put("message_id", event.messageId());
        payload.put("name", event.roomName());
        payload.put("excerpt", event.excerpt());
        return payload;
    }

    /** The uploader was sent the formal notice by mail already; this one is for the app and their devices. */
    @ApplicationModuleListener
    void on(TrackTakenDown event) {
        notifier.notify(
                event.uploaderId(),
                null,
                "track_taken_down",
                dmca(event.noticeId(), event.reference(), event.trackId()),
                "dmca:takedown:" + event.noticeId(),
                false);
    }

    @ApplicationModuleListener
    void on(TrackRestored event) {
        notifier.notify(
                event.uploaderId(),
                null,
                "track_restored",
                dmca(event.noticeId(), event.reference(), event.trackId()),
                "dmca:restored:" + event.noticeId());
    }

    /**
     * The author hears of a hiding (which they may appeal) or a warning; a suspended author cannot sign in to
     * read anything. Each reporter hears whether moderators acted, never who else reported.
     */
    @ApplicationModuleListener
    void on(ContentModerated event) {
        Map<String, Object> payload =
                moderated(event.decisionId(), event.targetType(), event.targetId(), event.label());
        if (event.authorId() != null && ("hide".equals(event.action()) || "warn".equals(event.action()))) {
            Map<String, Object> told = new LinkedHashMap<>(payload);
            told.put("excerpt", event.note());
            notifier.notify(
                    event.authorId(),
                    null,
                    "hide".equals(event.action()) ? "content_hidden" : "moderation_warning",
                    told,
                    "moderation:" + event.decisionId());
        }
        String outcome = switch (event.action()) {
            case "dismiss" -> "report_dismissed";
            case "escalate" -> "report_escalated";
            default -> "report_actioned";
        };
        for (UUID reporter : event.reporterIds()) {
            notifier.notify(reporter, null, outcome, payload, "moderation:" + event.decisionId() + ":" + reporter);
        }
    }

    @ApplicationModuleListener
    void on(AppealDecided event) {
        if (event.authorId() == null) {
            return;
        }
        notifier.notify(
                event.authorId(),
                null,
                "appeal_" + event.outcome(),
                moderated(event.decisionId(), event.targetType(), event.targetId(), event.label()),
                "appeal:" + event.decisionId());
    }

    @ApplicationModuleListener
    void on(ReportsOverdue event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("count", event.count());
        payload.put("name", String.valueOf(event.count()));
        for (UUID moderator : event.moderatorIds()) {
            notifier.notify(moderator, null, "reports_overdue", payload, "overdue:" + event.firstReportId());
        }
    }

    private static Map<String, Object> moderated(UUID decisionId, String targetType, UUID targetId, String label) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("decision_id", decisionId);
        payload.put("target_type", targetType);
        payload.put("target_id", targetId);
        payload.put("name", label == null ? "" : label);
        if ("track".equals(targetType)) {
            payload.put("track_id", targetId);
        }
        return payload;
    }

    private static Map<String, Object> track(UUID trackId, String title) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("track_id", trackId);
        payload.put("track_title", title);
        return payload;
    }

    private static Map<String, Object> dmca(UUID noticeId, String reference, UUID trackId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("notice_id", noticeId);
        payload.put("name", reference);
        payload.put("track_id", trackId);
        return payload;
    }

    /** The buyer hears of the purchase; each seller of a line hears of their sale (never the buyer's own). */
    @ApplicationModuleListener
    void on(WarrantyEnding event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("item_id", event.itemId());
        payload.put("name", event.name());
        payload.put("warranty_end", event.warrantyEnd().toString());
        notifier.notify(
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
        notifier.notify(event.buyerId(), null, "purchase_completed", purchase, "purchase:" + event.orderId());
        for (OrderPaid.Line line : event.lines()) {
            Map<String, Object> sale = new LinkedHashMap<>();
            sale.put("order_id", event.orderId());
            sale.put("product_id", line.productId());
            sale.put("track_id", line.trackId());
            sale.put("kind", line.kind());
            sale.put("amount", line.sellerAmount().minor());
            sale.put("currency", line.sellerAmount().currency());
            notifier.notify(
                    line.sellerId(),
                    event.buyerId(),
                    "new_sale",
                    sale,
                    "sale:" + event.orderId() + ":" + line.productId());
        }
    }
}
