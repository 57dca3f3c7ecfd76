package fr.veza.notifications;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of notification a person chooses mail for, each with its default: money, legal matters and warranties
 * at once, moderation (what moderators decided about one's reports and content) at once, social activity in the
 * weekly digest, chat at once (a chat notification only exists for someone who has
 * been away a while).
 */
public enum NotificationKind {
    FOLLOWER(Delivery.DIGEST, "new_follower"),
    LIKE(Delivery.DIGEST, "track_liked"),
    COMMENT(Delivery.DIGEST, "track_commented"),
    REPOST(Delivery.DIGEST, "track_reposted"),
    CHAT(Delivery.INSTANT, "chat_message", "chat_mention"),
    SALE(Delivery.INSTANT, "new_sale"),
    PURCHASE(Delivery.INSTANT, "purchase_completed"),
    DMCA(Delivery.INSTANT, "track_taken_down", "track_restored"),
    WARRANTY(Delivery.INSTANT, "warranty_ending"),
    MODERATION(
            Delivery.INSTANT,
            "content_hidden",
            "moderation_warning",
            "report_actioned",
            "report_dismissed",
            "report_escalated",
            "appeal_upheld",
            "appeal_reversed",
            "reports_overdue");

    private final List<String> types;
    private final Delivery byDefault;

    NotificationKind(Delivery byDefault, String... types) {
        this.types = List.of(types);
        this.byDefault = byDefault;
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code notifications.type} values of this kind's notifications. */
    public List<String> types() {
        return types;
    }

    public Delivery byDefault() {
        return byDefault;
    }

    public static Optional<NotificationKind> ofValue(String value) {
        return Arrays.stream(values())
                .filter(kind -> kind.value().equals(value))
                .findFirst();
    }

    public static Optional<NotificationKind> ofType(String type) {
        return Arrays.stream(values()).filter(kind -> kind.types.contains(type)).findFirst();
    }

    /** How a kind reaches the person by mail. */
    public enum Delivery {
        INSTANT,
        DIGEST,
        OFF;

        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Delivery> ofValue(String value) {
            return Arrays.stream(values()).filter(d -> d.value().equals(value)).findFirst();
        }
    }
}
