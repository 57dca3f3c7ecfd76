package fr.veza.platform.mail;

/**
 * An email to one person: a plain-text body and, for mails composed from a template, the same words as HTML.
 * Bodies name people by what they chose to tell us, and never hold secrets beyond a link's one-time token.
 *
 * @param html the HTML alternative of {@code body}, or null for a plain-text mail
 * @param headers extra headers, such as {@code List-Unsubscribe}
 */
public record Mail(String to, String subject, String body, String html, java.util.Map<String, String> headers) {

    public Mail {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("a mail needs a recipient");
        }
        headers = headers == null ? java.util.Map.of() : java.util.Map.copyOf(headers);
    }

    public Mail(String to, String subject, String body) {
        this(to, subject, body, null, null);
    }
}
