package fr.veza.privacy.internal;

import fr.veza.identity.Accounts;
import fr.veza.platform.config.PlatformSettings;
import fr.veza.platform.mail.Mail;
import fr.veza.platform.mail.Mailer;
import fr.veza.privacy.ExportReady;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells the person their export is ready. A mail server that fails leaves the event to be handed over again. */
@Component
class ExportMailer {

    private final Accounts accounts;
    private final Mailer mailer;
    private final PlatformSettings platform;

    ExportMailer(Accounts accounts, Mailer mailer, PlatformSettings platform) {
        this.accounts = accounts;
        this.mailer = mailer;
        this.platform = platform;
    }

    @ApplicationModuleListener
    void on(ExportReady event) {
        accounts.email(event.userId())
                .ifPresent(email -> mailer.send(new Mail(email, "Your Veza data export is ready", """
                        Hello,

                        The export of your Veza data you asked for is ready. Download it while logged in:

                        %s/api/v1/me/exports/%s/download

                        The link works until %s (UTC); after that, ask for a new export.

                        If you did not ask for this export, change your password and sign out of your sessions.
                        """.formatted(
                                platform.publicBaseUrl(), event.exportId(), event.expiresAt()))));
    }
}
