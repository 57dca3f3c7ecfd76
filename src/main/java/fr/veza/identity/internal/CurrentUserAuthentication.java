package fr.veza.identity.internal;

import fr.veza.identity.CurrentUser;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request signed in as {@link CurrentUser}, by a bearer token (its credentials) or a browser's session cookie. */
final class CurrentUserAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;
    private final transient Object credentials;

    CurrentUserAuthentication(CurrentUser user, Object credentials) {
        super(List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
        this.credentials = credentials;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return credentials;
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.id().toString();
    }
}
