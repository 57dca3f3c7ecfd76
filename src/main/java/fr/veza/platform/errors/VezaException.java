package fr.veza.platform.errors;

import java.util.List;
import java.util.Map;

/**
 * A failure a client can act on. Domain code throws it with an {@link ErrorCode} and a sentence for a person;
 * the web layer turns it into a problem document.
 */
public class VezaException extends RuntimeException {

    private final ErrorCode errorCode;
    private final List<FieldViolation> violations;
    private final Map<String, Object> properties;

    public VezaException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, List.of(), Map.of());
    }

    public VezaException(
            ErrorCode errorCode, String detail, List<FieldViolation> violations, Map<String, Object> properties) {
        super(detail);
        this.errorCode = errorCode;
        this.violations = List.copyOf(violations);
        this.properties = Map.copyOf(properties);
    }

    public static VezaException notFound(String what) {
        return new VezaException(ErrorCode.NOT_FOUND, what + " was not found");
    }

    public static VezaException invalid(String field, String message) {
        return new VezaException(
                ErrorCode.VALIDATION_FAILED,
                field + ": " + message,
                List.of(new FieldViolation(field, message)),
                Map.of());
    }

    /**
     * A store (the object store, a search engine) failed under the request: the person is asked to try again, and
     * the failure is logged as an error with its cause, so it is reported when error reporting is on.
     */
    public static VezaException unavailable(String detail, Throwable cause) {
        VezaException failure = new VezaException(ErrorCode.SERVICE_UNAVAILABLE, detail);
        failure.initCause(cause);
        return failure;
    }

    public static VezaException forbidden(String detail) {
        return new VezaException(ErrorCode.FORBIDDEN, detail);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** Extra members of the problem document, such as {@code retry_after_seconds}. */
    public Map<String, Object> properties() {
        return properties;
    }
}
