package fr.veza.chat.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.veza.chat.LiveFrames;
import fr.veza.platform.db.AfterCommit;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Redis publish/subscribe when Redis is configured, so every instance reaches its own sockets; in process else. */
@Configuration(proxyBeanMethods = false)
class ChatRelayConfiguration {

    static final String CHANNEL = "veza:chat";
    private static final Logger log = LoggerFactory.getLogger(ChatRelayConfiguration.class);

    @Bean(destroyMethod = "close")
    Relay chatRelay(ObjectProvider<RedisClient> redis, ChatSockets sockets, ObjectMapper json) {
        return new Relay(sockets, json, redis.getIfAvailable());
    }

    /** One relay: it publishes to Redis and delivers what it hears there, or delivers directly without Redis. */
    static final class Relay implements ChatRelay, LiveFrames, AutoCloseable {

        private final ChatSockets sockets;
        private final ObjectMapper json;
        private final StatefulRedisPubSubConnection<String, String> subscriber;
        private final StatefulRedisPubSubConnection<String, String> publisher;

        Relay(ChatSockets sockets, ObjectMapper json, RedisClient redis) {
            this.sockets = sockets;
            this.json = json;
            if (redis == null) {
                this.subscriber = null;
                this.publisher = null;
                return;
            }
            this.publisher = redis.connectPubSub();
            this.subscriber = redis.connectPubSub();
            subscriber.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    deliverPublished(message);
                }
            });
            // Lettuce subscribes again by itself after a reconnection
            subscriber.async().subscribe(CHANNEL);
        }

        @Override
        public void publish(Collection<UUID> recipients, ChatEvent event) {
            String frame = frame(event);
            if (publisher == null) {
                sockets.deliver(recipients, frame);
                return;
            }
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("to", recipients);
            envelope.put("frame", frame);
            try {
                publisher.sync().publish(CHANNEL, json.writeValueAsString(envelope));
            } catch (JsonProcessingException | RuntimeException e) {
                // the other instances miss this event; their clients find it in the history
                log.warn("chat: Redis did not take an event, delivering on this instance only: {}", e.toString());
                sockets.deliver(recipients, frame);
            }
        }

        @Override
        public void send(Collection<UUID> recipients, String type, Map<String, Object> fields) {
            List<UUID> to = List.copyOf(recipients);
            AfterCommit.run(() -> publish(to, new ChatEvent(type, fields)));
        }

        private void deliverPublished(String message) {
            try {
                JsonNode envelope = json.readTree(message);
                List<UUID> recipients = new ArrayList<>();
                envelope.path("to").forEach(id -> recipients.add(UUID.fromString(id.asText())));
                sockets.deliver(recipients, envelope.path("frame").asText());
            } catch (JsonProcessingException | IllegalArgumentException e) {
                log.warn("chat: an unreadable event on {} was ignored: {}", CHANNEL, e.toString());
            }
        }

        private String frame(ChatEvent event) {
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("type", event.type());
            frame.putAll(event.fields());
            try {
                return json.writeValueAsString(frame);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a chat event could not be written as JSON", e);
            }
        }

        @Override
        public void close() {
            if (subscriber != null) {
                subscriber.close();
                publisher.close();
            }
        }
    }
}
