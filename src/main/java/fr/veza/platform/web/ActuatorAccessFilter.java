package fr.veza.platform.web;

import fr.veza.platform.errors.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the actuator's endpoints other than health off the public port: metrics name every route, the pool sizes
 * and the JVM, which is a map for an attacker. They answer 404 there unless the caller presents
 * {@code METRICS_TOKEN}. On {@code MANAGEMENT_PORT} (bound to loopback by default) the actuator runs in a servlet
 * context of its own, which this filter is not part of, so they need nothing there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ActuatorAccessFilter extends OncePerRequestFilter {

    private final ManagementSettings settings;
    private final ProblemWriter problems;

    ActuatorAccessFilter(ManagementSettings settings, ProblemWriter problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean actuator = path.equals("/actuator") || path.startsWith("/actuator/");
        boolean health = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
        return !actuator || health;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (presentsToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(request, response, ErrorCode.NOT_FOUND, null);
    }

    private boolean presentsToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (settings.metricsToken().isBlank() || header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(
                header.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8),
                settings.metricsToken().bytes());
    }
}
