package fr.veza.catalog.internal;

import fr.veza.catalog.TrackChanged;
import fr.veza.catalog.TrackModeration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcTrackModeration implements TrackModeration {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    JdbcTrackModeration(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public Optional<UUID> ownerOf(UUID trackId) {
        return jdbc.sql("SELECT owner_id FROM tracks WHERE id = :id AND deleted_at IS NULL")
                .param("id", trackId)
                .query(UUID.class)
                .optional();
    }

    @Override
    public boolean takeDown(UUID trackId) {
        return changed(trackId, jdbc.sql("""
                        UPDATE tracks SET taken_down_at = now(),
                               visibility_before_takedown = CASE WHEN hidden_at IS NULL THEN visibility
                                                                 ELSE visibility_before_takedown END,
                               visibility = 'private', updated_at = now()
                        WHERE id = :id AND deleted_at IS NULL AND taken_down_at IS NULL
                        """).param("id", trackId).update());
    }

    /** Moderators hide a track as a takedown does; either withholding keeps it private until both are lifted. */
    boolean hide(UUID trackId) {
        return changed(trackId, jdbc.sql("""
                        UPDATE tracks SET hidden_at = now(),
                               visibility_before_takedown = CASE WHEN taken_down_at IS NULL THEN visibility
                                                                 ELSE visibility_before_takedown END,
                               visibility = 'private', updated_at = now()
                        WHERE id = :id AND deleted_at IS NULL AND hidden_at IS NULL
                        """).param("id", trackId).update());
    }

    boolean unhide(UUID trackId) {
        return changed(trackId, jdbc.sql("""
                        UPDATE tracks SET
                               visibility = CASE WHEN taken_down_at IS NULL
                                                 THEN coalesce(visibility_before_takedown, visibility) ELSE visibility END,
                               visibility_before_takedown = CASE WHEN taken_down_at IS NULL THEN NULL
                                                                 ELSE visibility_before_takedown END,
                               hidden_at = NULL, updated_at = now()
                        WHERE id = :id AND hidden_at IS NOT NULL
                        """).param("id", trackId).update());
    }

    @Override
    public boolean restore(UUID trackId) {
        return changed(trackId, jdbc.sql("""
                        UPDATE tracks SET
                               visibility = CASE WHEN hidden_at IS NULL
                                                 THEN coalesce(visibility_before_takedown, visibility) ELSE visibility END,
                               visibility_before_takedown = CASE WHEN hidden_at IS NULL THEN NULL
                                                                 ELSE visibility_before_takedown END,
                               taken_down_at = NULL, updated_at = now()
                        WHERE id = :id AND taken_down_at IS NOT NULL
                        """).param("id", trackId).update());
    }

    private boolean changed(UUID trackId, int rows) {
        if (rows == 0) {
            return false;
        }
        ownerOf(trackId).ifPresent(owner -> events.publishEvent(new TrackChanged(trackId, owner)));
        return true;
    }
}
