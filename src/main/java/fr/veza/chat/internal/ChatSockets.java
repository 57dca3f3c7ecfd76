package fr.veza.chat.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * The chat sockets open on this instance, by person (one person may have several: phone, browser). Sends go
 * through a decorator that serialises them per socket and drops a socket whose client stopped reading.
 */
@Component
class ChatSockets {

    private static final Logger log = LoggerFactory.getLogger(ChatSockets.class);
    private static final int SEND_TIME_LIMIT_MS = 5_000;
    private static final int BUFFER_LIMIT_BYTES = 512 * 1024;

    private final Map<UUID, Set<WebSocketSession>> byUser = new ConcurrentHashMap<>();
    private volatile Consumer<Set<UUID>> changed = people -> {};

    ChatSockets(MeterRegistry meters) {
        Gauge.builder("veza.chat.sockets", this, ChatSockets::open)
                .description("chat sockets open on this instance")
                .register(meters);
    }

    WebSocketSession opened(UUID userId, WebSocketSession session) {
        WebSocketSession safe =
                new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);
        byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(safe);
        changed.accept(Set.of(userId));
        return safe;
    }

    /** Told of each person whose sockets opened or closed, on the socket's thread. */
    void onChange(Consumer<Set<UUID>> listener) {
        this.changed = listener;
    }

    /** Every socket open on this instance. */
    List<WebSocketSession> all() {
        return byUser.values().stream().flatMap(Set::stream).toList();
    }

    /** The people with a socket open on this instance. */
    Set<UUID> people() {
        return Set.copyOf(byUser.keySet());
    }

    void closed(UUID userId, WebSocketSession session) {
        byUser.computeIfPresent(userId, (id, sessions) -> {
            sessions.removeIf(s -> s.getId().equals(session.getId()));
            return sessions.isEmpty() ? null : sessions;
        });
        changed.accept(Set.of(userId));
    }

    void deliver(Collection<UUID> recipients, String json) {
        TextMessage frame = new TextMessage(json);
        for (UUID recipient : recipients) {
            for (WebSocketSession session : byUser.getOrDefault(recipient, Set.of())) {
                try {
                    session.sendMessage(frame);
                } catch (IOException | RuntimeException e) {
                    log.info("chat: a socket of user {} could not be written, closing it: {}", recipient, e.toString());
                    closeQuietly(session);
                }
            }
        }
    }

    int open() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    private static void closeQuietly(WebSocketSession session) {
        try {
            session.close(CloseStatus.SESSION_NOT_RELIABLE);
        } catch (IOException e) {
            // already gone
        }
    }
}
