package fr.veza.platform.mail;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        return compose(to, key, link, locale, List.of(), null, args);
    }

    /**
     * A mail with a list (one line each, after the body) and an unsubscribe link, which also goes into the
     * {@code List-Unsubscribe} headers of RFC 8058 so that mail clients offer one-click unsubscribing.
     *
     * @param unsubscribe an absolute https URL answering POST without a session, or null
     */
    public Mail compose(
            String to, String key, String link, Locale locale, List<String> items, String unsubscribe, Object... args) {
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
        if (!items.isEmpty()) {
            items.forEach(item -> text.append("- ").append(item).append('\n'));
            text.append('\n');
        }
        if (link != null) {
            text.append(action).append(": ").append(link).append("\n\n");
        }
        text.append("-- \nVeza: ").append(why).append('\n');
        String unsubscribeLabel = null;
        if (unsubscribe != null) {
            unsubscribeLabel = messages.getMessage("mail.unsubscribe", null, locale);
            text.append(unsubscribeLabel).append(": ").append(unsubscribe).append('\n');
        }
        Context context = new Context(locale);
        context.setVariable("subject", subject);
        context.setVariable("paragraphs", paragraphs);
        context.setVariable("action", action);
        context.setVariable("link", link);
        context.setVariable("why", why);
        context.setVariable("items", items);
        context.setVariable("unsubscribe", unsubscribe);
        context.setVariable("unsubscribeLabel", unsubscribeLabel);
        return new Mail(
                to,
                subject,
                text.toString(),
                templates.process("mail/letter", context),
                unsubscribe == null
                        ? Map.of()
                        : Map.of(
                                "List-Unsubscribe",
                                "<" + unsubscribe + ">",
                                "List-Unsubscribe-Post",
                                "List-Unsubscribe=One-Click"));
    }
}
