package fr.veza.gear.internal;

import fr.veza.gear.WarrantyEnding;
import fr.veza.identity.Accounts;
import fr.veza.platform.config.PlatformSettings;
import fr.veza.platform.mail.Mail;
import fr.veza.platform.mail.Mailer;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The warranty warning by mail, from the outbox: a mail server that is down delays it, never loses it. */
@Component
class WarrantyMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final Accounts accounts;
    private final Mailer mailer;
    private final PlatformSettings platform;

    WarrantyMails(Accounts accounts, Mailer mailer, PlatformSettings platform) {
        this.accounts = accounts;
        this.mailer = mailer;
        this.platform = platform;
    }

    @ApplicationModuleListener
    void on(WarrantyEnding event) {
        accounts.email(event.ownerId())
                .ifPresent(email -> mailer.send(new Mail(
                        email,
                        "The warranty of your " + event.name() + " ends on " + DAY.format(event.warrantyEnd()),
                        """
                        Hello,

                        The warranty of your %s ends on %s. If anything about it needs a repair or a claim,
                        now is the time.

                        Your gear: %s/api/v1/gear/%s
                        """.formatted(
                                        event.name(),
                                        DAY.format(event.warrantyEnd()),
                                        platform.publicBaseUrl(),
                                        event.itemId()))));
    }
}
