package fr.veza.identity;

import java.util.UUID;

/**
 * The authenticated caller of a request, as controllers receive it with {@code @AuthenticationPrincipal}. The
 * role is read from the database (cached for seconds), not trusted from the token, so a demotion takes effect
 * at once.
 *
 * @param sessionId the login session (refresh-token family) the request belongs to
 */
public record CurrentUser(UUID id, Role role, UUID sessionId) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean canPublish() {
        return role == Role.ARTIST || isModerator();
    }

    /** Moderators and admins work the queue of reports. */
    public boolean isModerator() {
        return role == Role.MODERATOR || role == Role.ADMIN;
    }
}
