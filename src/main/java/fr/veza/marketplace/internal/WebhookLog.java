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

    /** What {@code processing_result} a delivery can be filtered on; "error" stands for every error. */
    public static final java.util.List<String> RESULTS =
            java.util.List.of("ok", "skipped", "signature_invalid", "error");

    /** @param result one of {@link #RESULTS}, or null for every delivery */
    public CursorPage<WebhookLogEntry> page(Boolean signatureValid, String result, String cursor, int limit) {
        if (result != null && !RESULTS.contains(result)) {
            throw fr.veza.platform.errors.VezaException.invalid("result", "must be one of " + RESULTS);
        }
        Long before = Cursor.unpack(cursor, parts -> Long.parseLong(parts[0]));
        return CursorPage.keyed(
                logs.page(signatureValid, result, before, limit + 1),
                limit,
                entry -> Cursor.pack(String.valueOf(entry.id())));
    }
}
