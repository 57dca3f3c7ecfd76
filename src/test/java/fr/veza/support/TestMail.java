package fr.veza.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One GreenMail SMTP server for the test JVM, started on first use; tests that read mail point MAIL_HOST at it. */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {}

    public static synchronized int port() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server.getSmtp().getPort();
    }

    /** Points the application's mail at this server, in plain SMTP. */
    public static void sendTo(DynamicPropertyRegistry registry) {
        registry.add("veza.mail.host", () -> "127.0.0.1");
        registry.add("veza.mail.port", TestMail::port);
        registry.add("veza.mail.start-tls", () -> "false");
    }

    /** The messages received so far for {@code address} whose subject holds {@code subject}. */
    public static List<MimeMessage> to(String address, String subject) {
        return to(address).stream()
                .filter(message -> {
                    try {
                        return message.getSubject() != null
                                && message.getSubject().contains(subject);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** The part of {@code type} ("text/plain", "text/html") of a mail, multipart or not; null if it has none. */
    public static String part(MimeMessage mail, String type) throws Exception {
        return find(mail.getContent(), type);
    }

    private static String find(Object content, String type) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return part.getContent().toString();
                }
                String nested =
                        part.getContent() instanceof jakarta.mail.Multipart ? find(part.getContent(), type) : null;
                if (nested != null) {
                    return nested;
                }
            }
            return null;
        }
        return type.equals("text/plain") ? content.toString() : null;
    }

    /** The token of the first link with {@code token=} in a mail's text. */
    public static String token(String text) {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://\\S+?[?&]token=([A-Za-z0-9_-]+)")
                .matcher(text);
        if (!link.find()) {
            throw new AssertionError("no link with a token in " + text);
        }
        return link.group(1);
    }

    /** Every message received so far for {@code address}. */
    public static List<MimeMessage> to(String address) {
        port();
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
