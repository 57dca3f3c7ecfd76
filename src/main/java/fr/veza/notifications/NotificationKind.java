package fr.veza.notifications;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of notification a person chooses mail for, each with its default: money and warranties at once,
 * social activity in the weekly digest.
 */
public enum NotificationKind {
    FOLLOWER("new_follower", Delivery.DIGEST),
    LIKE("track_liked", Delivery.DIGEST),
    COMMENT("track_commented", Delivery.DIGEST),
    SALE("new_sale", Delivery.INSTANT),
    PURCHASE("purchase_completed", Delivery.INSTANT),
    WARRANTY("warranty_ending", Delivery.INSTANT);

    private final String type;
    private final Delivery byDefault;

    NotificationKind(String type, Delivery byDefault) {
        this.type = type;
        this.byDefault = byDefault;
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code notifications.type} of this kind's notifications. */
    public String type() {
        return type;
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
        return Arrays.stream(values()).filter(kind -> kind.type.equals(type)).findFirst();
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
