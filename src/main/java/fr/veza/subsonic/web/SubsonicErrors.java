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

    @ExceptionHandler(SubsonicError.class)
    ResponseEntity<String> refused(SubsonicError error, HttpServletRequest request) {
        return writer.failed(request.getParameter("f"), error);
    }
}
