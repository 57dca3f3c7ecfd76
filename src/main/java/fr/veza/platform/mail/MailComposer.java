package fr.veza.platform.mail;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Composes a mail from the message bundle: {@code <key>.subject}, {@code <key>.body} (paragraphs separated by a
 * blank line), an optional {@code <key>.action} naming the link, and {@code <key>.why}, which says why the person
 * gets it. The text part is those words; the HTML part is the same words in {@code templates/mail/letter.html}.
 */
@Component
public class MailComposer {

    private final MessageSource messages;
    private final ITemplateEngine templates;

    MailComposer(MessageSource messages, ITemplateEngine templates) {
        this.messages = messages;
        this.templates = templates;
    }

    /**
     * @param link where the mail's one action leads (an absolute URL), or null for a mail without one
     * @param args the body's arguments, {0}, {1}...
     */
    public Mail compose(String to, String key, String link, Locale locale, Object... args) {
        String subject = messages.getMessage(key + ".subject", args, locale);
        List<String> paragraphs = Arrays.stream(
                        messages.getMessage(key + ".body", args, locale).split("\n\n"))
                .map(String::strip)
                .filter(paragraph -> !paragraph.isEmpty())
                .toList();
        String action = link == null ? null : messages.getMessage(key + ".action", args, locale);
        String why = messages.getMessage(key + ".why", args, locale);
        StringBuilder text = new StringBuilder();
        paragraphs.forEach(paragraph -> text.append(paragraph).append("\n\n"));
        if (link != null) {
            text.append(action).append(": ").append(link).append("\n\n");
        }
        text.append("-- \nVeza: ").append(why).append('\n');
        Context context = new Context(locale);
        context.setVariable("subject", subject);
        context.setVariable("paragraphs", paragraphs);
        context.setVariable("action", action);
        context.setVariable("link", link);
        context.setVariable("why", why);
        return new Mail(to, subject, text.toString(), templates.process("mail/letter", context));
    }
}
