package fr.veza.chat.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.LiveSessions;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * Sockets follow what signed them in: every few seconds each instance checks its own sockets, and one whose session
 * ended (signed out, revoked, the account closed or suspended) or whose access token expired without a
 * {@code renew} frame is closed with {@link #SIGNED_OUT} and the reason. A revocation on another instance reaches
 * this one when its cached session status expires, within seconds.
 */
@Component
class ChatSocketGuard {

    /** An application close code (RFC 6455 leaves 4000-4999 to applications): sign in again. */
    static final int SIGNED_OUT = 4401;

    static final long CHECK_EVERY_SECONDS = 3;

    private static final Logger log = LoggerFactory.getLogger(ChatSocketGuard.class);

    private final ChatSockets sockets;
    private final LiveSessions sessions;
    private final Clock clock;
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chat-socket-guard");
        thread.setDaemon(true);
        return thread;
    });

    ChatSocketGuard(ChatSockets sockets, LiveSessions sessions, Clock clock) {
        this.sockets = sockets;
        this.sessions = sessions;
        this.clock = clock;
        checker.scheduleWithFixedDelay(this::checkQuietly, CHECK_EVERY_SECONDS, CHECK_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            // the database may be down: sockets stay until it answers again
            log.warn("chat sockets could not be checked: {}", e.toString());
        }
    }

    void check() {
        Instant now = clock.instant();
        for (WebSocketSession socket : sockets.all()) {
            CurrentUser user = (CurrentUser) socket.getAttributes().get(ChatWebSocketHandler.USER);
            Instant expires = (Instant) socket.getAttributes().get(ChatWebSocketHandler.EXPIRES);
            if (user == null) {
                continue;
            }
            if (expires != null && !now.isBefore(expires)) {
                close(socket, "access token expired; renew it or connect again");
            } else if (!sessions.isLive(user)) {
                close(socket, "signed out");
            }
        }
    }

    private static void close(WebSocketSession socket, String reason) {
        try {
            socket.close(new CloseStatus(SIGNED_OUT, reason));
        } catch (IOException | IllegalStateException e) {
            // already closing
        }
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
    }
}
