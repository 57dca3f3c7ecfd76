package fr.veza.marketplace.internal;

import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import org.springframework.stereotype.Service;

/** The Hyperswitch webhook log as operators read it, newest first. */
@Service
public class WebhookLog {

    private final WebhookLogRepository logs;

    WebhookLog(WebhookLogRepository logs) {
        this.logs = logs;
    }

    public CursorPage<WebhookLogEntry> page(Boolean signatureValid, String cursor, int limit) {
        Long before = Cursor.unpack(cursor, parts -> Long.parseLong(parts[0]));
        return CursorPage.keyed(
                logs.page(signatureValid, before, limit + 1), limit, entry -> Cursor.pack(String.valueOf(entry.id())));
    }
}
