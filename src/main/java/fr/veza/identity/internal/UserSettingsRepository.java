package fr.veza.identity.internal;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserSettingsRepository {

    private final JdbcClient jdbc;

    UserSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UserSettings find(UUID userId) {
        return jdbc.sql("""
                        SELECT locale, timezone, email_notifications, explicit_content
                        FROM user_settings WHERE user_id = :userId
                        """)
                .param("userId", userId)
                .query((rs, n) -> new UserSettings(
                        rs.getString("locale"),
                        rs.getString("timezone"),
                        rs.getBoolean("email_notifications"),
                        rs.getBoolean("explicit_content")))
                .optional()
                .orElse(UserSettings.DEFAULTS);
    }

    void save(UUID userId, UserSettings settings) {
        jdbc.sql("""
                        INSERT INTO user_settings (user_id, locale, timezone, email_notifications, explicit_content)
                        VALUES (:userId, :locale, :timezone, :email, :explicit)
                        ON CONFLICT (user_id) DO UPDATE SET locale = EXCLUDED.locale, timezone = EXCLUDED.timezone,
                            email_notifications = EXCLUDED.email_notifications,
                            explicit_content = EXCLUDED.explicit_content, updated_at = now()
                        """)
                .param("userId", userId)
                .param("locale", settings.locale())
                .param("timezone", settings.timezone())
                .param("email", settings.emailNotifications())
                .param("explicit", settings.explicitContent())
                .update();
    }
}
