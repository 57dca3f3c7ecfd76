package fr.veza.identity.internal;

import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 as problem documents, with the {@code WWW-Authenticate} challenge RFC 6750 asks for. */
@Component
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problems;

    ProblemAuthenticationHandlers(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof OAuth2AuthenticationException) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            String detail = failure instanceof InvalidBearerTokenException
                            && failure.getMessage() != null
                            && failure.getMessage().startsWith("The session")
                    ? failure.getMessage()
                    : "The access token is invalid or expired; refresh it or log in again.";
            problems.write(request, response, ErrorCode.INVALID_TOKEN, detail);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        problems.write(
                request, response, ErrorCode.UNAUTHENTICATED, "Send an access token: Authorization: Bearer <token>.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(request, response, ErrorCode.FORBIDDEN, "You may not do this.");
    }
}
