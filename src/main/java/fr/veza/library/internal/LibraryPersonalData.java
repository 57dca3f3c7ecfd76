package fr.veza.library.internal;

import fr.veza.library.PlaylistChanged;
import fr.veza.platform.privacy.ExportFiles;
import fr.veza.platform.privacy.PersonalData;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's playlists: exported with their entries, deleted on erasure. */
@Component
class LibraryPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LibraryPersonalData(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public void export(UUID userId, ExportFiles files) throws IOException {
        files.rows(
                "playlists.json",
                "Your playlists, each with its tracks in order (track ids) and when each was added.",
                """
                SELECT p.id, p.title, p.description, p.visibility, p.copied_from, p.created_at, p.updated_at,
                       coalesce((SELECT jsonb_agg(jsonb_build_object('track_id', e.track_id, 'position', e.position,
                                                                     'added_at', e.added_at) ORDER BY e.position)
                                 FROM playlist_tracks e WHERE e.playlist_id = p.id), '[]'::jsonb) AS tracks
                FROM playlists p WHERE p.owner_id = :user ORDER BY p.created_at
                """,
                Map.of("user", userId));
    }

    @Override
    public Map<String, List<UUID>> indexedDocuments(UUID userId) {
        return Map.of("playlists", owned(userId));
    }

    @Override
    public Map<String, Integer> erase(UUID userId) {
        List<UUID> playlists = owned(userId);
        int deleted = jdbc.sql("DELETE FROM playlists WHERE owner_id = :user")
                .param("user", userId)
                .update();
        playlists.forEach(id -> events.publishEvent(new PlaylistChanged(id, userId)));
        return Map.of("playlists", deleted);
    }

    private List<UUID> owned(UUID userId) {
        return jdbc.sql("SELECT id FROM playlists WHERE owner_id = :user")
                .param("user", userId)
                .query(UUID.class)
                .list();
    }
}
