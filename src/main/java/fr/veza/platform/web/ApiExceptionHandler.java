package fr.veza.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.FieldViolation;
import fr.veza.platform.errors.RateLimitedException;
import fr.veza.platform.errors.VezaException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The one translator from exceptions to problem documents for everything Spring MVC handles. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e, HttpServletRequest request) {
        return ResponseEntity.status(429)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problemOf(e, request));
    }

    @ExceptionHandler(VezaException.class)
    ResponseEntity<ProblemDetail> veza(VezaException e, HttpServletRequest request) {
        if (e.errorCode().status() >= 500 && e.getCause() != null) {
            log.error(
                    "{} {} answered {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.errorCode().status(),
                    e.getMessage(),
                    e.getCause());
        }
        return ResponseEntity.status(e.errorCode().status()).body(problemOf(e, request));
    }

    @ExceptionHandler(AuthorizationDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AuthorizationDeniedException e, HttpServletRequest request) {
        return ResponseEntity.status(403)
                .body(Problems.at(Problems.of(ErrorCode.FORBIDDEN, "You may not do this."), request.getRequestURI()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String field = SNAKE.translate(e.getName());
        String expected = e.getRequiredType() != null ? e.getRequiredType().getSimpleName() : "value";
        String message = "must be a valid " + ("UUID".equals(expected) ? "UUID" : expected.toLowerCase());
        ProblemDetail problem = Problems.of(
                ErrorCode.VALIDATION_FAILED,
                field + " " + message,
                List.of(new FieldViolation(field, message)),
                Map.of());
        return ResponseEntity.badRequest().body(Problems.at(problem, request.getRequestURI()));
    }

    /** Constraints checked outside Spring MVC's own parameter validation (a validated bean called by a controller). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolated(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(violation -> {
                    String path = violation.getPropertyPath().toString();
                    String field = path.substring(path.lastIndexOf('.') + 1);
                    return new FieldViolation(SNAKE.translate(field), violation.getMessage());
                })
                .toList();
        ProblemDetail problem = Problems.of(
                ErrorCode.VALIDATION_FAILED,
                violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")),
                violations,
                Map.of());
        return ResponseEntity.badRequest().body(Problems.at(problem, request.getRequestURI()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = Problems.of(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side.");
        return ResponseEntity.internalServerError().body(Problems.at(problem, request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldViolation(SNAKE.translate(error.getField()), messageOf(error)))
                .toList();
        return validationFailed(violations, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldViolation(
                                SNAKE.translate(result.getMethodParameter().getParameterName()),
                                error.getDefaultMessage())))
                .toList();
        return validationFailed(violations, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = causeOf(e, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return problem(Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage()), headers, request);
        }
        UnrecognizedPropertyException unknown = causeOf(e, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return validationFailed(
                    List.of(new FieldViolation(pathOf(unknown), "is not a known field")), headers, request);
        }
        JsonMappingException mapping = causeOf(e, JsonMappingException.class);
        if (mapping != null && !pathOf(mapping).isEmpty()) {
            String expected =
                    mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null
                            ? " (expected " + describe(mismatched.getTargetType()) + ")"
                            : "";
            String message =
                    mapping.getCause() instanceof IllegalArgumentException invalid && invalid.getMessage() != null
                            ? "is not valid: " + invalid.getMessage()
                            : "has the wrong type or format" + expected;
            return validationFailed(List.of(new FieldViolation(pathOf(mapping), message)), headers, request);
        }
        JsonProcessingException json = causeOf(e, JsonProcessingException.class);
        if (json != null && !(json instanceof JsonMappingException)) {
            String where = json.getLocation() != null
                    ? " at line " + json.getLocation().getLineNr() + ", column "
                            + json.getLocation().getColumnNr()
                    : "";
            return problem(
                    Problems.of(ErrorCode.MALFORMED_JSON, "The body is not valid JSON" + where + "."),
                    headers,
                    request);
        }
        return problem(Problems.of(ErrorCode.MALFORMED_JSON, "A JSON body is required."), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail
                ? detail
                : ProblemDetail.forStatusAndDetail(status, e.getMessage());
        Problems.restyle(problem, Problems.codeFor(status.value()));
        if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
            problem.setDetail("Content type " + unsupported.getContentType() + " is not supported; use "
                    + unsupported.getSupportedMediaTypes().stream()
                            .map(Object::toString)
                            .collect(Collectors.joining(", "))
                    + ".");
        }
        if (status.value() == 404) {
            problem.setDetail("No such resource.");
        }
        return problem(problem, headers, request);
    }

    private ResponseEntity<Object> validationFailed(
            List<FieldViolation> violations, HttpHeaders headers, WebRequest request) {
        String detail =
                violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
        return problem(Problems.of(ErrorCode.VALIDATION_FAILED, detail, violations, Map.of()), headers, request);
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            Problems.at(problem, servlet.getRequest().getRequestURI());
        }
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static ProblemDetail problemOf(VezaException e, HttpServletRequest request) {
        return Problems.at(Problems.of(e), request.getRequestURI());
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid";
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == String.class) return "a string";
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type.isEnum()) return "one of the documented values";
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "an array";
        return "an object";
    }
}
