package fr.veza.platform.mail;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

class SmtpMailer implements Mailer {

    private final JavaMailSender sender;
    private final String from;

    SmtpMailer(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(Mail mail) {
        try {
            if (mail.html() == null && mail.headers().isEmpty()) {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(mail.to());
                message.setSubject(mail.subject());
                message.setText(mail.body());
                sender.send(message);
            } else {
                sender.send(mime -> {
                    // multipart/alternative: mail clients show the HTML part, or the text one when they cannot
                    MimeMessageHelper message = new MimeMessageHelper(mime, mail.html() != null, "UTF-8");
                    message.setFrom(from);
                    message.setTo(mail.to());
                    message.setSubject(mail.subject());
                    if (mail.html() == null) {
                        message.setText(mail.body());
                    } else {
                        message.setText(mail.body(), mail.html());
                    }
                    for (var header : mail.headers().entrySet()) {
                        mime.setHeader(header.getKey(), header.getValue());
                    }
                });
            }
        } catch (MailException e) {
            throw new MailFailedException("mail \"" + mail.subject() + "\" could not be sent", e);
        }
    }
}
