package fr.veza.platform.errors;

import java.net.URI;
import java.util.Locale;

/**
 * Every error Veza answers with, in one place. The {@link #code()} is stable: clients may branch on it. The
 * problem {@code type} is derived from it, so it is stable too.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "The request is not valid"),
    MALFORMED_JSON(400, "The body is not well-formed JSON"),
    BAD_REQUEST(400, "Bad request"),
    IDEMPOTENCY_KEY_REQUIRED(400, "An Idempotency-Key header is required"),
    LINK_EXPIRED(400, "The link was used, expired or replaced by a newer one"),
    INVALID_CREDENTIALS(401, "Login or password is wrong"),
    UNAUTHENTICATED(401, "Authentication is required"),
    INVALID_TOKEN(401, "The token is invalid, expired or revoked"),
    INVALID_API_KEY(401, "The API key is invalid, expired or revoked"),
    INVALID_SIGNATURE(401, "The signature does not match the body"),
    FORBIDDEN(403, "You may not do this"),
    ACCOUNT_SUSPENDED(403, "This account is suspended"),
    WRONG_PASSWORD(403, "The password is wrong"),
    INSUFFICIENT_SCOPE(403, "The API key lacks the scope this request needs"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "No acceptable representation"),
    EMAIL_TAKEN(409, "This email is already registered"),
    USERNAME_TAKEN(409, "This username is already taken"),
    CONFLICT(409, "The request conflicts with the current state"),
    TRACK_NOT_READY(409, "The track is not ready to stream"),
    REFUND_NOT_ALLOWED(409, "This order cannot be refunded"),
    EXPORT_NOT_READY(409, "The export is not ready yet"),
    PURCHASE_REVOKED(410, "This purchase was refunded"),
    EXPORT_EXPIRED(410, "This export has expired"),
    PAYLOAD_TOO_LARGE(413, "The body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported content type"),
    IDEMPOTENCY_KEY_REUSED(422, "This Idempotency-Key was used with another request"),
    RATE_LIMITED(429, "Too many requests"),
    INTERNAL_ERROR(500, "Internal error"),
    PAYMENT_PROVIDER_UNAVAILABLE(502, "The payment provider could not be reached"),
    SERVICE_UNAVAILABLE(503, "Temporarily unavailable");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The machine-readable code, such as {@code validation_failed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public URI type() {
        return URI.create("urn:veza:problem:" + code());
    }
}
