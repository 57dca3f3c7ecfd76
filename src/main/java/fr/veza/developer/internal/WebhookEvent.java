package fr.veza.developer.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The events an endpoint can subscribe to. Each arrives with the modules that produce it. */
public enum WebhookEvent {
    TRACK_READY("track.ready"),
    FOLLOWER_NEW("follower.new"),
    SALE_NEW("sale.new");

    private final String value;

    WebhookEvent(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static WebhookEvent of(String value) {
        for (WebhookEvent event : values()) {
            if (event.value.equals(value)) {
                return event;
            }
        }
        throw new IllegalArgumentException("must be one of: "
                + java.util.Arrays.stream(values())
                        .map(WebhookEvent::value)
                        .collect(java.util.stream.Collectors.joining(", ")));
    }
}
