package fr.veza.chat.internal;

import fr.veza.chat.Presence;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Presence kept in PostgreSQL so every instance agrees: a socket opening or closing stamps its person at once, and
 * the people connected to this instance are stamped again every {@link #STAMP_EVERY}, so a person is online while
 * their stamp is fresher than that (with a margin) and away after.
 */
@Component
class ChatPresence implements Presence {

    static final Duration STAMP_EVERY = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ChatPresence.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ScheduledExecutorService stamper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chat-presence");
        thread.setDaemon(true);
        return thread;
    });

    ChatPresence(JdbcClient jdbc, Clock clock, ChatSockets sockets) {
        this.jdbc = jdbc;
        this.clock = clock;
        sockets.onChange(this::stampQuietly);
        stamper.scheduleWithFixedDelay(
                () -> stampQuietly(sockets.people()),
                STAMP_EVERY.toSeconds(),
                STAMP_EVERY.toSeconds(),
                TimeUnit.SECONDS);
    }

    /** A database that is down costs presence its freshness, never a socket. */
    private void stampQuietly(Collection<UUID> people) {
        try {
            stamp(people);
        } catch (RuntimeException e) {
            log.warn("chat presence could not be stamped: {}", e.toString());
        }
    }

    void stamp(Collection<UUID> people) {
        if (people.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO chat_presence (user_id, last_seen_at)
                        SELECT id, :now FROM unnest(CAST(:people AS uuid[])) AS id
                        WHERE EXISTS (SELECT 1 FROM users u WHERE u.id = id)
                        ON CONFLICT (user_id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("people", people.toArray(UUID[]::new))
                .update();
    }

    @Override
    public Optional<Instant> awaySince(UUID userId, Duration away) {
        // a connected person's stamp is at most STAMP_EVERY old: away is never judged on less than twice that
        Duration least = away.compareTo(STAMP_EVERY.multipliedBy(2)) < 0 ? STAMP_EVERY.multipliedBy(2) : away;
        Instant seen = jdbc.sql("SELECT last_seen_at FROM chat_presence WHERE user_id = :user")
                .param("user", userId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(Instant.EPOCH);
        return seen.isBefore(clock.instant().minus(least)) ? Optional.of(seen) : Optional.empty();
    }

    /** The person's own word on their presence while connected: online, or away. */
    void say(UUID userId, String status) {
        jdbc.sql("""
                        INSERT INTO chat_presence (user_id, last_seen_at, status) VALUES (:user, :now, :status)
                        ON CONFLICT (user_id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at, status = EXCLUDED.status
                        """)
                .param("user", userId)
                .param("now", Timestamp.from(clock.instant()))
                .param("status", status)
                .update();
    }

    /** Presence of those of {@code people} who show it; the others are absent. */
    java.util.Map<UUID, PresenceView> of(Collection<UUID> people) {
        java.util.Map<UUID, PresenceView> seen = new java.util.HashMap<>();
        if (people.isEmpty()) {
            return seen;
        }
        Instant fresh = clock.instant().minus(STAMP_EVERY.multipliedBy(2));
        jdbc.sql("""
                        SELECT p.id, c.last_seen_at, c.status FROM unnest(CAST(:people AS uuid[])) AS p(id)
                        LEFT JOIN chat_presence c ON c.user_id = p.id
                        LEFT JOIN chat_settings s ON s.user_id = p.id
                        WHERE coalesce(s.show_presence, TRUE)
                        """)
                .param("people", people.toArray(UUID[]::new))
                .query((rs, n) -> {
                    Timestamp last = rs.getTimestamp("last_seen_at");
                    String status =
                            last == null || last.toInstant().isBefore(fresh) ? "offline" : rs.getString("status");
                    seen.put(
                            rs.getObject("id", UUID.class),
                            new PresenceView(status, last == null ? null : last.toInstant()));
                    return null;
                })
                .list();
        return seen;
    }

    boolean shows(UUID userId) {
        return jdbc.sql("SELECT coalesce((SELECT show_presence FROM chat_settings WHERE user_id = :user), TRUE)")
                .param("user", userId)
                .query(Boolean.class)
                .single();
    }

    void show(UUID userId, boolean show) {
        jdbc.sql("""
                        INSERT INTO chat_settings (user_id, show_presence) VALUES (:user, :show)
                        ON CONFLICT (user_id) DO UPDATE SET show_presence = EXCLUDED.show_presence
                        """).param("user", userId).param("show", show).update();
    }

    @PreDestroy
    void stop() {
        stamper.shutdownNow();
    }
}
