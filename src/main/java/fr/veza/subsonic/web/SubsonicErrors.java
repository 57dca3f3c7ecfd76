package fr.veza.subsonic.web;

import fr.veza.platform.errors.VezaException;
import fr.veza.subsonic.internal.SubsonicError;
import fr.veza.subsonic.internal.SubsonicWriter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refusal on {@code /rest} is a Subsonic answer in the format asked for, with HTTP 200 as players expect. */
@RestControllerAdvice(basePackageClasses = SubsonicErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SubsonicErrors {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SubsonicErrors.class);

    private final SubsonicWriter writer;

    SubsonicErrors(SubsonicWriter writer) {
        this.writer = writer;
    }

    /** A rule of another module said no (not found, not allowed, not valid): the same refusal in Subsonic's words. */
    @ExceptionHandler(VezaException.class)
    ResponseEntity<String> refused(VezaException refusal, HttpServletRequest request) {
        int code = switch (refusal.errorCode()) {
            case NOT_FOUND -> SubsonicError.NOT_FOUND;
            case FORBIDDEN, INSUFFICIENT_SCOPE, ACCOUNT_SUSPENDED -> SubsonicError.NOT_AUTHORISED;
            default -> SubsonicError.GENERIC;
        };
        return writer.failed(request.getParameter("f"), new SubsonicError(code, refusal.getMessage()));
    }

    /** Anything unforeseen is still an answer a player can show, and a log line with the cause for the operator. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> failed(RuntimeException failure, HttpServletRequest request) {
        log.error("subsonic: {} failed", request.getRequestURI(), failure);
        return writer.failed(
                request.getParameter("f"),
                new SubsonicError(SubsonicError.GENERIC, "Veza could not answer this time; try again."));
    }

    @ExceptionHandler(SubsonicError.class)
    ResponseEntity<String> refused(SubsonicError error, HttpServletRequest request) {
        return writer.failed(request.getParameter("f"), error);
    }
}
