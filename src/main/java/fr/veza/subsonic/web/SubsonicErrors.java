package fr.veza.subsonic.web;

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

    @ExceptionHandler(SubsonicError.class)
    ResponseEntity<String> refused(SubsonicError error, HttpServletRequest request) {
        return writer.failed(request.getParameter("f"), error);
    }
}
