package fr.veza.platform.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Development without an SMTP server: the mail is written to the log, where the developer reads it. */
class LogMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(LogMailer.class);

    @Override
    public void send(Mail mail) {
        log.info("mail (no MAIL_HOST set, not sent) to={} subject=\"{}\"\n{}", mail.to(), mail.subject(), mail.body());
    }
}
