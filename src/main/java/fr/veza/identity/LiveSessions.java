package fr.veza.identity;

import java.security.Principal;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a connection signed in earlier still may be: a long-lived one (a WebSocket) asks again and again, since
 * what signed it in can end after the handshake (sign-out, revocation, closure, suspension, the token's expiry).
 */
public interface LiveSessions {

    /** The person still signed in on that session: not revoked or expired, the account open and active. */
    boolean isLive(CurrentUser user);

    /**
     * When the access token that signed {@code principal} in expires; empty for a browser's session cookie, which
     * lasts as long as its session.
     */
    Optional<Instant> tokenExpiry(Principal principal);

    /** The signed-in person and expiry of a fresh access token, if it verifies and its session is live. */
    Optional<Renewal> renew(String accessToken);

    record Renewal(CurrentUser user, Instant expiresAt) {}
}
