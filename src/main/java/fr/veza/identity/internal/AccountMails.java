package fr.veza.identity.internal;

import fr.veza.platform.config.PlatformSettings;
import fr.veza.platform.mail.MailComposer;
import fr.veza.platform.mail.Mailer;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The mails about an account itself: a password reset link, the notice that the password changed, the email
 * verification link, and a change of address (the link to the new address, the notices to the old one). They go to the address the account holds, in the person's language, off the request thread
 * so that an answer takes the same time whether a mail was sent or not; a token exists only in its mail.
 */
@Component
class AccountMails {

    private static final Logger log = LoggerFactory.getLogger(AccountMails.class);

    private final MailComposer composer;
    private final Mailer mailer;
    private final UserSettingsRepository settings;
    private final PlatformSettings platform;
    private final Executor executor;

    AccountMails(
            MailComposer composer,
            Mailer mailer,
            UserSettingsRepository settings,
            PlatformSettings platform,
            @Qualifier("applicationTaskExecutor") Executor executor) {
        this.composer = composer;
        this.mailer = mailer;
        this.settings = settings;
        this.platform = platform;
        this.executor = executor;
    }

    void passwordReset(UUID userId, String email, String token, long minutes) {
        send(userId, email, "mail.password-reset", "/reset-password?token=" + token, minutes);
    }

    void passwordChanged(UUID userId, String email) {
        send(userId, email, "mail.password-changed", "/login/forgot", email);
    }

    void verifyEmail(UUID userId, String email, String token) {
        send(userId, email, "mail.verify-email", "/verify-email?token=" + token, email);
    }

    void confirmNewEmail(UUID userId, String newEmail, String token, long hours) {
        send(userId, newEmail, "mail.email-change", "/confirm-email?token=" + token, newEmail, hours);
    }

    /** To the old address: a change was asked, and applies only once the new address confirms it. */
    void emailChangeAsked(UUID userId, String oldEmail, String newEmail) {
        send(userId, oldEmail, "mail.email-change-asked", "/login/forgot", newEmail);
    }

    /** To the old address: the account now writes to another one. */
    void emailChanged(UUID userId, String oldEmail, String newEmail) {
        send(userId, oldEmail, "mail.email-changed", "/", newEmail);
    }

    private void send(UUID userId, String email, String key, String path, Object... args) {
        Locale locale = Locale.forLanguageTag(settings.find(userId).locale());
        String link = platform.publicBaseUrl().toString().replaceFirst("/$", "") + path;
        executor.execute(() -> {
            try {
                mailer.send(composer.compose(email, key, link, locale, args));
            } catch (RuntimeException failed) {
                // the person asks again; the link is never logged
                log.warn("account mail {} to user {} could not be sent: {}", key, userId, failed.getMessage());
            }
        });
    }
}
