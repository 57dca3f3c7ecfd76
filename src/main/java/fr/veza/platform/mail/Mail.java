package fr.veza.platform.mail;

/** A plain-text email to one person. Bodies name people by what they chose to tell us, and never hold secrets. */
public record Mail(String to, String subject, String body) {

    public Mail {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("a mail needs a recipient");
        }
    }
}
