package fr.veza.marketplace.providers;

/** The provider could not be reached or refused the call; the message never carries a key. */
public class PaymentProviderException extends RuntimeException {

    private final int status;

    public PaymentProviderException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The provider's HTTP status, or 0 when it did not answer. */
    public int status() {
        return status;
    }
}
