package fr.veza.legal.internal;

import fr.veza.identity.Accounts;
import fr.veza.legal.TrackTakenDown;
import fr.veza.platform.config.PlatformSettings;
import fr.veza.platform.mail.Mail;
import fr.veza.platform.mail.Mailer;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The uploader hears of a takedown; the claimant receives the counter-notice at once, as 512(g)(2)(B) asks. */
@Component
class DmcaMails {

    private final DmcaRepository notices;
    private final Accounts accounts;
    private final Mailer mailer;
    private final LegalSettings settings;
    private final PlatformSettings platform;

    DmcaMails(
            DmcaRepository notices,
            Accounts accounts,
            Mailer mailer,
            LegalSettings settings,
            PlatformSettings platform) {
        this.notices = notices;
        this.accounts = accounts;
        this.mailer = mailer;
        this.settings = settings;
        this.platform = platform;
    }

    @ApplicationModuleListener
    void on(TrackTakenDown event) {
        DmcaNotice notice = notices.find(event.noticeId()).orElseThrow();
        accounts.email(event.uploaderId())
                .ifPresent(email -> mailer.send(new Mail(
                        email,
                        "Your track was taken down on a copyright notice (" + notice.reference() + ")",
                        """
                        Hello,

                        We received a copyright notice (reference %s) about your track %s/api/v1/tracks/%s,
                        claiming that it infringes "%s". We have taken the track down, and this counts as a strike
                        on your account; accounts of repeat infringers are suspended.

                        If you believe the track was removed by mistake or misidentification, you may send a
                        counter-notice: POST %s/api/v1/dmca/notices/%s/counter-notice, as described on
                        %s/legal/dmca. We forward it to the claimant, and restore the track after %d business days
                        unless the claimant tells us they have filed a court action.

                        Designated agent: %s, %s
                        """.formatted(
                                        notice.reference(),
                                        platform.publicBaseUrl(),
                                        notice.trackId(),
                                        notice.copyrightedWork(),
                                        platform.publicBaseUrl(),
                                        notice.id(),
                                        platform.publicBaseUrl(),
                                        settings.restoreAfterBusinessDays(),
                                        settings.agentName(),
                                        settings.agentEmail()))));
    }

    @ApplicationModuleListener
    void on(DmcaEvents.CounterNoticed event) {
        DmcaNotice notice = notices.find(event.noticeId()).orElseThrow();
        DmcaNotice.CounterNotice counter = notice.counterNotice();
        mailer.send(new Mail(
                notice.claimantEmail(),
                "Counter-notice received for your copyright notice " + notice.reference(),
                """
                Dear %s,

                The uploader of the material named in your notice %s has sent the counter-notice below. Under
                17 USC 512(g), we will restore the material on or after %s (UTC) unless, before then, you tell our
                designated agent (%s, %s) that you have filed an action seeking a court order against the
                uploader, quoting your reference.

                Counter-notice, received %s:
                Name: %s
                Address: %s
                Phone: %s
                Email: %s
                Statement: under penalty of perjury, the material was removed or disabled as a result of mistake
                or misidentification.
                Consent: to the jurisdiction of the Federal District Court for the judicial district of the
                address above (or, outside the United States, any judicial district in which the service
                provider may be found), and to accept service of process from the claimant.
                Signature: %s
                """.formatted(
                                notice.claimantName(),
                                notice.reference(),
                                notice.restoreAfter(),
                                settings.agentName(),
                                settings.agentEmail(),
                                counter.receivedAt(),
                                counter.name(),
                                counter.address(),
                                counter.phone(),
                                counter.email(),
                                counter.signature())));
    }
}
