package fr.veza.platform.mail;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param host {@code MAIL_HOST}: the SMTP server; empty writes mails to the log instead
 * @param port {@code MAIL_PORT}
 * @param username {@code MAIL_USERNAME}: empty means no authentication
 * @param password {@code MAIL_PASSWORD}
 * @param startTls {@code MAIL_STARTTLS}: upgrade the connection with STARTTLS, and require it
 * @param from {@code MAIL_FROM}: the sender every mail shows
 */
@Validated
@ConfigurationProperties("veza.mail")
public record MailSettings(
        String host,
        @Min(1) @Max(65535) int port,
        String username,
        String password,
        boolean startTls,
        @NotBlank String from) {

    public boolean smtp() {
        return host != null && !host.isBlank();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", from=" + from + "]";
    }
}
