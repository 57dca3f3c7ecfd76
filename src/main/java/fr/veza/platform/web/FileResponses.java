package fr.veza.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Answers with a stored file. A whole local file goes out through Tomcat's sendfile (the kernel copies it to the
 * socket, as a static file server does); range requests, conditional requests and remote objects go through
 * Spring's resource handling, which answers 206, 304 and 416 correctly.
 */
public final class FileResponses {

    private static final String SENDFILE_SUPPORTED = "org.apache.tomcat.sendfile.support";

    private FileResponses() {}

    /** Null when the response has been sent by sendfile; otherwise the entity Spring should write. */
    public static ResponseEntity<Resource> serve(
            HttpServletRequest request,
            HttpServletResponse response,
            Resource body,
            MediaType contentType,
            String etag,
            CacheControl cache)
            throws IOException {
        if (body instanceof FileSystemResource file
                && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORTED))
                && request.getHeader(HttpHeaders.RANGE) == null
                && "GET".equals(request.getMethod())) {
            if (new ServletWebRequest(request, response).checkNotModified(etag)) {
                return null;
            }
            Path path = file.getFile().toPath();
            long length = file.contentLength();
            response.setContentType(contentType.toString());
            response.setContentLengthLong(length);
            response.setHeader(HttpHeaders.ETAG, etag);
            response.setHeader(HttpHeaders.CACHE_CONTROL, cache.getHeaderValue());
            response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
            request.setAttribute("org.apache.tomcat.sendfile.filename", path.toString());
            request.setAttribute("org.apache.tomcat.sendfile.start", 0L);
            request.setAttribute("org.apache.tomcat.sendfile.end", length);
            return null;
        }
        return ResponseEntity.ok()
                .contentType(contentType)
                .eTag(etag)
                .cacheControl(cache)
                .body(body);
    }
}
