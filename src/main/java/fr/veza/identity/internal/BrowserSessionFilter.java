package fr.veza.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a page request in from its session cookie. A cookie whose session ended (signed out elsewhere, revoked
 * from the session list, account suspended or closed) is cleared, and the request goes on as a visitor's.
 */
class BrowserSessionFilter extends OncePerRequestFilter {

    private final SessionService sessions;
    private final BrowserSessionCookie cookie;

    BrowserSessionFilter(SessionService sessions, BrowserSessionCookie cookie) {
        this.sessions = sessions;
        this.cookie = cookie;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        cookie.read(request)
                .ifPresent(secret -> sessions.browserUser(secret)
                        .ifPresentOrElse(
                                user -> SecurityContextHolder.getContext()
                                        .setAuthentication(new CurrentUserAuthentication(user, null)),
                                () -> cookie.clear(response)));
        chain.doFilter(request, response);
    }
}
