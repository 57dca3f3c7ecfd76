package fr.veza.catalog.internal;

import fr.veza.catalog.WeekInPlays;
import fr.veza.identity.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How an artist's tracks were heard: counted plays (those that passed the play rule) per day, in UTC days, and the
 * most played tracks of the period. Only the artist's own tracks, deleted ones left out.
 */
@Service
public class PlayStatistics implements WeekInPlays {

    public static final int MAX_DAYS = 365;

    private final JdbcClient jdbc;
    private final Clock clock;

    PlayStatistics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The last {@code days} days up to today, every day present (zero when nobody listened). */
    public Plays of(CurrentUser artist, int days) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(days - 1L);
        var since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<LocalDate, Long> counted = new HashMap<>();
        jdbc.sql("""
                        SELECT (p.played_at AT TIME ZONE 'UTC')::date AS day, count(*) AS plays
                          FROM playback_history p JOIN tracks t ON t.id = p.track_id
                         WHERE t.owner_id = :owner AND t.deleted_at IS NULL AND p.counted AND p.played_at >= :since
                         GROUP BY 1
                        """)
                .param("owner", artist.id())
                .param("since", java.sql.Timestamp.from(since))
                .query((rs, row) -> counted.put(rs.getObject("day", LocalDate.class), rs.getLong("plays")))
                .list();
        List<Day> perDay = new ArrayList<>(days);
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            perDay.add(new Day(day, counted.getOrDefault(day, 0L)));
        }
        List<TopTrack> top = jdbc.sql("""
                        SELECT t.id, t.title, count(*) AS plays
                          FROM playback_history p JOIN tracks t ON t.id = p.track_id
                         WHERE t.owner_id = :owner AND t.deleted_at IS NULL AND p.counted AND p.played_at >= :since
                         GROUP BY t.id, t.title ORDER BY plays DESC, t.title LIMIT 5
                        """)
                .param("owner", artist.id())
                .param("since", java.sql.Timestamp.from(since))
                .query((rs, row) ->
                        new TopTrack(rs.getObject("id", UUID.class), rs.getString("title"), rs.getLong("plays")))
                .list();
        return new Plays(perDay, top);
    }

    @Override
    public List<UUID> artistsPlayedSince(Instant since, int limit) {
        return jdbc.sql("""
                        SELECT DISTINCT t.owner_id FROM playback_history p JOIN tracks t ON t.id = p.track_id
                        WHERE p.counted AND p.played_at > :since AND t.deleted_at IS NULL LIMIT :limit
                        """)
                .param("since", java.sql.Timestamp.from(since))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    @Override
    public long playsOfArtistSince(UUID artist, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM playback_history p JOIN tracks t ON t.id = p.track_id
                        WHERE t.owner_id = :owner AND t.deleted_at IS NULL AND p.counted AND p.played_at > :since
                        """)
                .param("owner", artist)
                .param("since", java.sql.Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    public record Plays(List<Day> days, List<TopTrack> topTracks) {

        public long total() {
            return days.stream().mapToLong(Day::plays).sum();
        }

        public long busiest() {
            return days.stream().mapToLong(Day::plays).max().orElse(0);
        }
    }

    public record Day(LocalDate date, long plays) {}

    public record TopTrack(UUID id, String title, long plays) {}
}
