package fr.veza.identity.internal;

import fr.veza.platform.privacy.ExportFiles;
import fr.veza.platform.privacy.PersonalData;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The account itself: profile and its images, settings, sessions, API keys and app passwords. Password and key hashes are never exported. */
@Component
class IdentityPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final ProfileImageService images;

    IdentityPersonalData(JdbcClient jdbc, ProfileImageService images) {
        this.jdbc = jdbc;
        this.images = images;
    }

    @Override
    public void export(UUID userId, ExportFiles files) throws IOException {
        Map<String, UUID> user = Map.of("user", userId);
        files.rows(
                "profile.json",
                "Your account and public profile: email, username, names, bio, links, role, dates.",
                """
                SELECT u.id, u.email::text AS email, u.username::text AS username, u.display_name, u.first_name,
                       u.last_name, u.bio, u.location, u.avatar, u.banner_url, u.role, u.status, u.email_verified_at, u.created_at,
                       u.updated_at, p.website, p.pronouns, p.links
                FROM users u LEFT JOIN user_profiles p ON p.user_id = u.id WHERE u.id = :user
                """,
                user);
        files.rows(
                "settings.json",
                "Your preferences: language, time zone, email notifications, explicit content.",
                "SELECT locale, timezone, email_notifications, explicit_content, updated_at FROM user_settings"
                        + " WHERE user_id = :user",
                user);
        files.rows(
                "sessions.json",
                "Where and when you logged in: address, browser, start, expiry and how each session ended.",
                """
                SELECT id, family_id, created_at, expires_at, rotated_at, revoked_at, revoked_reason, ip_address,
                       user_agent
                FROM user_sessions WHERE user_id = :user ORDER BY created_at
                """,
                user);
        files.rows(
                "api_keys.json",
                "Your developer API keys: name, visible prefix, scopes and dates (the keys themselves are not kept).",
                "SELECT id, name, prefix, scopes, created_at, last_used_at, expires_at, revoked_at FROM api_keys"
                        + " WHERE user_id = :user ORDER BY created_at",
                user);
        files.rows(
                "app_passwords.json",
                "The app passwords your music players sign in with: name and dates (never the passwords).",
                "SELECT id, name, created_at, last_used_at, revoked_at FROM app_passwords WHERE user_id = :user"
                        + " ORDER BY created_at",
                user);
    }

    /**
     * The users row stays, anonymised, because orders and payouts point at it (GDPR Art. 17(3)): it becomes the
     * pseudonymous reference those records keep. Everything else of the account goes.
     */
    @Override
    public Map<String, Integer> erase(UUID userId) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        erased.put("account", jdbc.sql("""
                        UPDATE users SET password_hash = '', email_hash = NULL, display_name = NULL, first_name = NULL,
                               last_name = NULL, bio = NULL, location = NULL, avatar = NULL, banner_url = NULL,
                               recovery_deadline = NULL, erased_at = now(), updated_at = now()
                        WHERE id = :user AND deleted_at IS NOT NULL AND erased_at IS NULL
                        """).param("user", userId).update());
        erased.put("profiles", delete("DELETE FROM user_profiles WHERE user_id = :user", userId));
        erased.put("sessions", delete("DELETE FROM user_sessions WHERE user_id = :user", userId));
        erased.put("settings", delete("DELETE FROM user_settings WHERE user_id = :user", userId));
        erased.put("api_keys", delete("DELETE FROM api_keys WHERE user_id = :user", userId));
        erased.put("app_passwords", delete("DELETE FROM app_passwords WHERE user_id = :user", userId));
        erased.put("account_tokens", delete("DELETE FROM account_tokens WHERE user_id = :user", userId));
        try {
            images.eraseAll(userId);
        } catch (IOException storeFailed) {
            // the erasure is retried until the store answers: an avatar must not outlive its account
            throw new java.io.UncheckedIOException(storeFailed);
        }
        return erased;
    }

    private int delete(String sql, UUID userId) {
        return jdbc.sql(sql).param("user", userId).update();
    }
}
