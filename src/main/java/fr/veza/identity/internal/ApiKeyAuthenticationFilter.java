package fr.veza.identity.internal;

import fr.veza.identity.ApiScope;
import fr.veza.identity.CurrentUser;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.RateLimitedException;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.ratelimit.Allowance;
import fr.veza.platform.ratelimit.Limit;
import fr.veza.platform.ratelimit.RateLimiter;
import fr.veza.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code X-API-Key} requests: the key must be live and its owner active; the method must be within
 * the key's scopes ({@code read} for GET and HEAD, {@code write} for the rest, {@code admin} for everything and for
 * the admin API); and the key's hourly budget for that kind of request must not be spent. Every answer to an
 * API-key request carries {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiKeyService keys;
    private final RateLimiter limiter;
    private final ProblemWriter problems;
    private final Limit reads;
    private final Limit writes;

    ApiKeyAuthenticationFilter(
            ApiKeyService keys, RateLimiter limiter, ProblemWriter problems, ApiKeySettings settings) {
        this.keys = keys;
        this.limiter = limiter;
        this.problems = problems;
        this.reads = Limit.perHour(settings.readsPerHour());
        this.writes = Limit.perHour(settings.writesPerHour());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            problems.write(
                    request, response, ErrorCode.BAD_REQUEST, "Send either an API key or a bearer token, not both.");
            return;
        }
        var holder = keys.authenticate(request.getHeader(HEADER).trim()).orElse(null);
        if (holder == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + HEADER + "\"");
            problems.write(request, response, ErrorCode.INVALID_API_KEY, "The API key is unknown, revoked or expired.");
            return;
        }
        Set<ApiScope> scopes = holder.key().scopes();
        ApiScope needed = request.getRequestURI().startsWith("/api/v1/admin/")
                ? ApiScope.ADMIN
                : ApiScope.requiredFor(request.getMethod().toUpperCase(Locale.ROOT));
        if (!ApiScope.allows(scopes, needed)) {
            problems.write(
                    request,
                    response,
                    new VezaException(
                            ErrorCode.INSUFFICIENT_SCOPE,
                            "This API key lacks the " + needed.value() + " scope needed for " + request.getMethod()
                                    + ".",
                            List.of(),
                            Map.of("required_scope", needed.value())));
            return;
        }
        boolean read = needed == ApiScope.READ;
        Limit limit = read ? reads : writes;
        Allowance allowance = limiter.tryConsume("apikey:" + holder.key().id() + (read ? ":read" : ":write"), limit);
        response.setHeader("X-RateLimit-Limit", Long.toString(allowance.limit()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(Math.max(0, allowance.remaining())));
        response.setHeader("X-RateLimit-Reset", Long.toString(allowance.resetSeconds()));
        if (!allowance.allowed()) {
            problems.write(
                    request,
                    response,
                    new RateLimitedException(
                            "This API key has used its " + limit.capacity() + " " + (read ? "reads" : "writes")
                                    + " for this hour.",
                            allowance.reset()));
            return;
        }
        CurrentUser user = new CurrentUser(holder.key().userId(), holder.role(), null);
        SecurityContextHolder.getContext()
                .setAuthentication(new ApiKeyAuthentication(user, holder.key().id(), scopes));
        chain.doFilter(request, response);
    }

    /** A request made with an API key: the key's owner, and which key. */
    static final class ApiKeyAuthentication extends AbstractAuthenticationToken {

        private final CurrentUser user;
        private final UUID keyId;

        ApiKeyAuthentication(CurrentUser user, UUID keyId, Set<ApiScope> scopes) {
            super(List.of(new SimpleGrantedAuthority(user.role().authority())));
            this.user = user;
            this.keyId = keyId;
            setAuthenticated(true);
            setDetails(Map.of("api_key_id", keyId, "scopes", scopes));
        }

        @Override
        public Object getCredentials() {
            return keyId;
        }

        @Override
        public CurrentUser getPrincipal() {
            return user;
        }
    }
}
