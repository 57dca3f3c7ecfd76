package fr.veza.platform.mail;

/**
 * Sends email: through SMTP when {@code MAIL_HOST} is set, to the log otherwise (development). Sending throws
 * {@link MailFailedException} when the server refuses or cannot be reached, so a caller on the event outbox is
 * handed the mail again later.
 */
public interface Mailer {

    void send(Mail mail);

    class MailFailedException extends RuntimeException {

        public MailFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
