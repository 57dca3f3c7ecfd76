package fr.veza.catalog.internal;

/**
 * Processing could not finish. The message is written for the track's owner; {@code retryable} says whether
 * another attempt could succeed (a storage hiccup) or not (a file that is not audio).
 */
class ProcessingFailure extends RuntimeException {

    private final boolean retryable;

    ProcessingFailure(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    ProcessingFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    boolean retryable() {
        return retryable;
    }
}
