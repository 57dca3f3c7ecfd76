package fr.veza.catalog.web;

import fr.veza.catalog.internal.StreamingService;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.FileResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The hot path of streaming: a whole segment, requested with a valid signature, is answered here with sendfile,
 * before the security chain and MVC dispatch, which a signed URL does not need (the signature is its
 * authorisation, checked by the same {@link StreamingService} call as on the normal path). Anything else (a Range
 * header, a bad or expired signature, a segment in remote storage) goes on to {@link HlsController} unchanged, so
 * answers and errors are the same either way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SegmentFastPath extends OncePerRequestFilter {

    private static final Pattern SEGMENT =
            Pattern.compile("^/api/v1/tracks/([0-9a-f-]{36})/hls/([a-z0-9]+)/([0-9]{1,6})\\.(ts|m4s)$");

    private final StreamingService streaming;

    SegmentFastPath(StreamingService streaming) {
        this.streaming = streaming;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || request.getHeader(HttpHeaders.RANGE) != null
                || !(request.getRequestURI().endsWith(".ts")
                        || request.getRequestURI().endsWith(".m4s"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher matcher = SEGMENT.matcher(request.getRequestURI());
        if (!matcher.matches() || !serve(matcher, request, response)) {
            chain.doFilter(request, response);
        }
    }

    private boolean serve(Matcher matcher, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        StreamingService.Media media;
        try {
            media = streaming.segment(
                    UUID.fromString(matcher.group(1)),
                    matcher.group(2),
                    Integer.parseInt(matcher.group(3)),
                    matcher.group(4),
                    request.getParameter("exp"),
                    request.getParameter("sig"));
        } catch (VezaException | IllegalArgumentException notForTheFastPath) {
            return false; // the normal path answers with the proper problem document
        }
        CacheControl cache = CacheControl.maxAge(Duration.ofSeconds(media.maxAgeSeconds()));
        return FileResponses.serve(
                        request,
                        response,
                        media.body(),
                        org.springframework.http.MediaType.parseMediaType(media.contentType()),
                        media.etag(),
                        media.publicCache() ? cache.cachePublic() : cache.cachePrivate())
                == null;
    }
}
