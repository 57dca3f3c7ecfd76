package fr.veza.catalog.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.platform.ratelimit.Limit;
import fr.veza.platform.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records listens. Every report goes to {@code playback_history}; it counts as a play (for the artist's
 * statistics) once the listener heard {@code PLAY_COUNT_THRESHOLD} seconds, or half of a shorter track.
 */
@Service
public class PlaybackService implements fr.veza.catalog.Listens {

    private final TrackRepository tracks;
    private final TrackAccess access;
    private final JdbcClient jdbc;
    private final CatalogSettings settings;
    private final RateLimiter limiter;

    PlaybackService(
            TrackRepository tracks,
            TrackAccess access,
            JdbcClient jdbc,
            CatalogSettings settings,
            RateLimiter limiter) {
        this.tracks = tracks;
        this.access = access;
        this.jdbc = jdbc;
        this.settings = settings;
        this.limiter = limiter;
    }

    /**
     * Records a listen, which counts as a play once it passes the track's threshold. One listener (their account, or
     * their address when signed out) gets at most one counted play of a track per threshold period: nobody can have
     * heard it twice in less time than one play takes, so replayed reports do not inflate the count.
     */
    @Override
    @Transactional
    public boolean heardInFull(UUID trackId, CurrentUser listener, String address) {
        return record(trackId, listener, address, Integer.MAX_VALUE);
    }

    @Transactional
    public boolean record(UUID trackId, CurrentUser listener, String address, int secondsPlayed) {
        Track track = access.requireStreamable(
                tracks.find(trackId)
                        .orElseThrow(() -> fr.veza.platform.errors.VezaException.notFound("Track " + trackId)),
                listener);
        long trackSeconds = track.durationMs() == null ? Long.MAX_VALUE : track.durationMs() / 1000;
        int heard = (int) Math.min(secondsPlayed, Math.max(trackSeconds, 1));
        long threshold = Math.min(settings.playCountThreshold(), Math.max(1, trackSeconds / 2));
        boolean counted = heard >= threshold
                && limiter.tryConsume(
                                "play:" + trackId + ":" + (listener == null ? address : listener.id()),
                                new Limit(1, Duration.ofSeconds(threshold)))
                        .allowed();
        jdbc.sql("""
                        INSERT INTO playback_history (user_id, track_id, seconds_played, counted)
                        VALUES (:user, :track, :seconds, :counted)
                        """)
                .param("user", listener == null ? null : listener.id())
                .param("track", trackId)
                .param("seconds", heard)
                .param("counted", counted)
                .update();
        if (counted) {
            jdbc.sql("UPDATE tracks SET play_count = play_count + 1 WHERE id = :id")
                    .param("id", trackId)
                    .update();
        }
        return counted;
    }
}
