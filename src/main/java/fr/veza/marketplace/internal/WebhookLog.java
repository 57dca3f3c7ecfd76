package fr.veza.marketplace.internal;

import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import java.util.List;
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
        List<WebhookLogEntry> rows = logs.page(signatureValid, before, limit + 1);
        boolean more = rows.size() > limit;
        List<WebhookLogEntry> items = more ? rows.subList(0, limit) : rows;
        return new CursorPage<>(
                items, more ? Cursor.pack(String.valueOf(items.get(limit - 1).id())) : null);
    }
}
