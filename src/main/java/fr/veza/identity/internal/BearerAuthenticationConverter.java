package fr.veza.identity.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.Role;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/** Turns a verified access token into the {@link CurrentUser}, refusing tokens of dead sessions. */
@Component
class BearerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SessionStatus sessions;

    BearerAuthenticationConverter(SessionStatus sessions) {
        this.sessions = sessions;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        UUID userId;
        UUID sessionId;
        try {
            userId = UUID.fromString(jwt.getSubject());
            sessionId = UUID.fromString(jwt.getClaimAsString(AccessTokens.SESSION_CLAIM));
        } catch (IllegalArgumentException | NullPointerException malformed) {
            throw new InvalidBearerTokenException("The token does not name a user session.");
        }
        Role role = sessions.liveRole(userId, sessionId)
                .orElseThrow(() -> new InvalidBearerTokenException("The session has ended; log in again."));
        return new CurrentUserAuthentication(new CurrentUser(userId, role, sessionId), jwt);
    }
}
