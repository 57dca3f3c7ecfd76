package fr.veza.developer.internal;

import fr.veza.platform.privacy.ExportFiles;
import fr.veza.platform.privacy.PersonalData;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Webhook endpoints a person registered; their signing secrets are never exported. */
@Component
class DeveloperPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    DeveloperPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void export(UUID userId, ExportFiles files) throws IOException {
        files.rows(
                "webhooks.json",
                "Webhook endpoints you registered: address, events, state and dates (not their signing secrets).",
                """
                SELECT id, url, events, status, consecutive_failures, disabled_reason, created_at, deleted_at
                FROM webhook_endpoints WHERE user_id = :user ORDER BY created_at
                """,
                Map.of("user", userId));
    }

    /** Deliveries go with their endpoint (ON DELETE CASCADE). */
    @Override
    public Map<String, Integer> erase(UUID userId) {
        return Map.of(
                "webhook_endpoints",
                jdbc.sql("DELETE FROM webhook_endpoints WHERE user_id = :user")
                        .param("user", userId)
                        .update());
    }

    @Override
    public void accountClosed(UUID userId, boolean keepPublicTracks) {
        jdbc.sql("""
                        UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = 'account_closed'
                        WHERE user_id = :user AND deleted_at IS NULL AND status = 'active'
                        """).param("user", userId).update();
    }

    @Override
    public void accountRecovered(UUID userId) {
        jdbc.sql("""
                        UPDATE webhook_endpoints SET status = 'active', disabled_reason = NULL
                        WHERE user_id = :user AND deleted_at IS NULL AND disabled_reason = 'account_closed'
                        """).param("user", userId).update();
    }
}
