package fr.veza.identity.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.LiveSessions;
import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/** Asks what every request asks: the session's status (cached for seconds) and the token's own claims. */
@Component
class JdbcLiveSessions implements LiveSessions {

    private final SessionStatus sessions;
    private final AccessTokens tokens;
    private final BearerAuthenticationConverter converter;

    JdbcLiveSessions(SessionStatus sessions, AccessTokens tokens, BearerAuthenticationConverter converter) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.converter = converter;
    }

    @Override
    public boolean isLive(CurrentUser user) {
        return user.sessionId() != null
                && sessions.liveRole(user.id(), user.sessionId()).isPresent();
    }

    @Override
    public Optional<Instant> tokenExpiry(Principal principal) {
        return principal instanceof CurrentUserAuthentication authentication
                        && authentication.getCredentials() instanceof Jwt jwt
                ? Optional.ofNullable(jwt.getExpiresAt())
                : Optional.empty();
    }

    @Override
    public Optional<Renewal> renew(String accessToken) {
        if (accessToken == null || accessToken.isBlank() || accessToken.length() > 4096) {
            return Optional.empty();
        }
        try {
            Jwt jwt = tokens.decoder().decode(accessToken);
            CurrentUser user = (CurrentUser) converter.convert(jwt).getPrincipal();
            return Optional.of(new Renewal(user, jwt.getExpiresAt()));
        } catch (JwtException | InvalidBearerTokenException refused) {
            return Optional.empty();
        }
    }
}
