package fr.veza.legal.web;

import fr.veza.legal.internal.LegalSettings;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The public DMCA page: the designated agent, how to file a notice or a counter-notice, the repeat-infringer policy. */
@RestController
class DmcaPage {

    private final String html;

    DmcaPage(LegalSettings settings) {
        this.html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Copyright (DMCA) - Veza</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body style="font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; line-height: 1.5">
                <h1>Copyright infringement notices (DMCA)</h1>
                <p>Veza respects the rights of creators. If you believe a track on Veza infringes your copyright, send
                a notice to our designated agent, as the Digital Millennium Copyright Act (17 USC 512) provides.</p>
                <h2>Designated agent</h2>
                <p>%s<br>%s<br><a href="mailto:%s">%s</a></p>
                <h2>Filing a notice</h2>
                <p>Send <code>POST /api/v1/dmca/notice</code> with JSON, or write to the agent with the same elements:</p>
                <ul>
                <li><code>claimant_name</code>, <code>claimant_address</code>, <code>claimant_email</code>,
                <code>claimant_phone</code>: who you are and how to reach you;</li>
                <li><code>copyrighted_work</code>: the work you say is infringed;</li>
                <li><code>track_id</code> or <code>infringing_url</code>: the track on Veza;</li>
                <li><code>good_faith_statement</code> (true): you believe in good faith that the use is not authorised
                by the owner, its agent or the law;</li>
                <li><code>accuracy_statement</code> (true): the notice is accurate and, under penalty of perjury, you
                are the owner or authorised to act for the owner;</li>
                <li><code>signature</code>: your full name as electronic signature.</li>
                </ul>
                <p>You receive a reference. We review every notice; a valid one makes the track unavailable and
                notifies its uploader. Misrepresentation may make you liable for damages (17 USC 512(f)).</p>
                <h2>Counter-notice</h2>
                <p>If your track was taken down by mistake or misidentification, send
                <code>POST /api/v1/dmca/notices/{id}/counter-notice</code> while logged in, with <code>name</code>,
                <code>address</code>, <code>phone</code>, <code>email</code>,
                <code>statement_of_good_faith_mistake</code> (true, under penalty of perjury),
                <code>consent_to_jurisdiction</code> (true: to the Federal District Court for your address, or any
                district where Veza may be found if you are outside the United States, and to accept service from the
                claimant) and <code>signature</code>. We forward it to the claimant at once and restore the track
                %d business days later, unless the claimant tells us first that they filed a court action.</p>
                <h2>Repeat infringers</h2>
                <p>Each notice we uphold is a strike on the uploader's account; a strike is lifted when the track is
                restored after a counter-notice. An account with %d strikes is suspended: it can no longer log in,
                and its tracks are no longer available.</p>
                </body></html>
                """.formatted(
                        HtmlUtils.htmlEscape(settings.agentName()),
                        HtmlUtils.htmlEscape(settings.agentAddress()),
                        HtmlUtils.htmlEscape(settings.agentEmail()),
                        HtmlUtils.htmlEscape(settings.agentEmail()),
                        settings.restoreAfterBusinessDays(),
                        settings.strikesToSuspend());
    }

    @GetMapping(value = "/legal/dmca", produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        return html;
    }
}
