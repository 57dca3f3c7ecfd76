package fr.veza.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers every response carries, whatever answers it (a controller, the media fast path, an error): no referrer
 * leaks signed URLs or ids to other sites, and a content security policy that lets an API answer run nothing at all,
 * while the documentation and HTML pages load only their own scripts and styles.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", policyFor(request.getRequestURI()));
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    private static String policyFor(String path) {
        if (path.startsWith("/api/")
                || path.startsWith("/v3/")
                || path.startsWith("/actuator")
                || path.equals("/health")) {
            return ContentSecurityPolicy.API;
        }
        if (path.startsWith("/swagger-ui") || path.startsWith("/webjars/swagger-ui")) {
            return ContentSecurityPolicy.DOCUMENTATION;
        }
        return ContentSecurityPolicy.SITE;
    }
}
