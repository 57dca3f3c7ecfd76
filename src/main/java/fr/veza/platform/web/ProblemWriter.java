package fr.veza.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.RateLimitedException;
import fr.veza.platform.errors.VezaException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Writes a problem document from code that runs before Spring MVC: servlet filters, security handlers. */
@Component
public class ProblemWriter {

    private final ObjectMapper objectMapper;

    ProblemWriter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        write(request, response, Problems.of(code, detail));
    }

    /** A domain failure, as the exception handler would answer it (with Retry-After when rate limited). */
    public void write(HttpServletRequest request, HttpServletResponse response, VezaException failure)
            throws IOException {
        if (failure instanceof RateLimitedException limited) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        write(request, response, Problems.of(failure));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Problems.at(problem, request.getRequestURI());
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
