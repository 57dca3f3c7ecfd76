package fr.veza.identity;

import java.util.Optional;

/**
 * How music players (the Subsonic API) sign in: with an app password, by token ({@code md5(password + salt)}) or in
 * plain, or with a developer API key. The account password never works here, and app passwords work nowhere else.
 * Closed and suspended accounts are refused; failures count against the address and the account in their own
 * buckets, so a player retrying a stale password slows down its own sign-ins, never the person's web login.
 */
public interface PlayerCredentials {

    /** @throws fr.veza.platform.errors.RateLimitedException while this address or account failed too often */
    Optional<Player> byToken(String username, String token, String salt, String clientIp);

    /** @throws fr.veza.platform.errors.RateLimitedException while this address or account failed too often */
    Optional<Player> byPassword(String username, String password, String clientIp);

    Optional<Player> byApiKey(String key);

    /** @param mayWrite whether the credential may change things (star, scrobble, playlists) */
    record Player(CurrentUser user, boolean mayWrite) {}
}
