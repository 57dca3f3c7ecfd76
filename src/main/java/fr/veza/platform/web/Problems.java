package fr.veza.platform.web;

import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.FieldViolation;
import fr.veza.platform.errors.VezaException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem documents with Veza's stable {@code code} member. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(ErrorCode code, String detail) {
        return restyle(ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code.status()), detail), code);
    }

    public static ProblemDetail of(
            ErrorCode code, String detail, List<FieldViolation> violations, Map<String, Object> properties) {
        ProblemDetail problem = of(code, detail);
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations);
        }
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** Rewrites a problem Spring made itself so it carries Veza's type, title and code. */
    public static ProblemDetail restyle(ProblemDetail problem, ErrorCode code) {
        problem.setType(code.type());
        problem.setTitle(code.title());
        problem.setProperty("code", code.code());
        String requestId = RequestIdFilter.current();
        if (requestId != null) {
            problem.setProperty(RequestIdFilter.KEY, requestId);
        }
        return problem;
    }

    /** The problem a domain failure answers with: its code, detail, field violations and extra members. */
    public static ProblemDetail of(VezaException failure) {
        return of(failure.errorCode(), failure.getMessage(), failure.violations(), failure.properties());
    }

    public static ProblemDetail at(ProblemDetail problem, String path) {
        if (path != null) {
            problem.setInstance(URI.create(path.replace(" ", "%20")));
        }
        return problem;
    }

    /** The code that fits an HTTP status when nothing more specific is known. */
    public static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.BAD_REQUEST;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
        };
    }
}
