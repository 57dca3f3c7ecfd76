package fr.veza.platform.errors;

import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What leaves for Sentry, when {@code SENTRY_DSN} is set (the error-level log lines: unhandled errors, failing
 * worker runs and event listeners, stores that fail): no personal data, so no email, IP address, cookie, header
 * value, query string (signed URLs and tokens travel there) or body, and a person only by their id. Each kind of
 * failure (its exception and where it was logged) is sent the first {@link #FIRST_OF_A_KIND} times in
 * {@link #WINDOW}, then held back, so a store that is down reports itself without flooding the project.
 */
@Component
@ConditionalOnProperty(name = "sentry.dsn")
class ErrorReportScrubbing implements SentryOptions.BeforeSendCallback {

    static final int FIRST_OF_A_KIND = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private static final Set<String> KEPT_HEADERS = Set.of("content-type", "accept", "content-length");
    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)((?:sig|token|exp|key|password|secret|access_token|t|s|p)=)[^&\\s\"']+");

    private final Clock clock;
    private final Map<String, Window> kinds = new ConcurrentHashMap<>();

    ErrorReportScrubbing(Clock clock) {
        this.clock = clock;
    }

    @Override
    public SentryEvent execute(SentryEvent event, Hint hint) {
        if (!firstOfItsKind(event)) {
            return null;
        }
        Request request = event.getRequest();
        if (request != null) {
            Map<String, String> kept = new HashMap<>();
            if (request.getHeaders() != null) {
                request.getHeaders().forEach((name, value) -> {
                    if (KEPT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                        kept.put(name, value);
                    }
                });
            }
            request.setHeaders(kept);
            request.setQueryString(null);
            request.setCookies(null);
            request.setData(null);
            request.setEnvs(null);
            request.setOthers(null);
            if (request.getUrl() != null) {
                request.setUrl(request.getUrl().replaceFirst("[?#].*$", ""));
            }
        }
        User user = new User();
        user.setId(personId());
        event.setUser(user.getId() == null ? null : user);
        event.setServerName(null);
        event.setBreadcrumbs(List.of());
        Message message = event.getMessage();
        if (message != null) {
            message.setFormatted(scrub(message.getFormatted()));
            message.setMessage(scrub(message.getMessage()));
            if (message.getParams() != null) {
                message.setParams(message.getParams().stream()
                        .map(ErrorReportScrubbing::scrub)
                        .toList());
            }
        }
        if (event.getExceptions() != null) {
            for (SentryException exception : event.getExceptions()) {
                exception.setValue(scrub(exception.getValue()));
            }
        }
        return event;
    }

    /** An email or a secret a message or an exception happens to quote is replaced. */
    static String scrub(String text) {
        if (text == null) {
            return null;
        }
        return SECRET_PARAMETER
                .matcher(EMAIL.matcher(text).replaceAll("[email]"))
                .replaceAll("$1[redacted]");
    }

    private boolean firstOfItsKind(SentryEvent event) {
        Throwable failure = event.getThrowable();
        Throwable root = failure;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // a store that is down fails the same way under every route: one kind, however it reaches the log
        String kind = (root == null ? messageKind(event) : root.getClass().getName()) + "@" + event.getLogger();
        Instant now = clock.instant();
        Window window = kinds.compute(
                kind,
                (key, current) -> current == null || current.endsBefore(now)
                        ? new Window(now.plus(WINDOW), 1)
                        : new Window(current.end(), current.count() + 1));
        return window.count() <= FIRST_OF_A_KIND;
    }

    /** A line without an exception is of the kind of its template and first value (a worker's name). */
    private static String messageKind(SentryEvent event) {
        Message message = event.getMessage();
        if (message == null) {
            return "message";
        }
        List<String> params = message.getParams();
        return message.getMessage() + (params == null || params.isEmpty() ? "" : ":" + params.get(0));
    }

    private static String personId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        try {
            return UUID.fromString(authentication.getName()).toString();
        } catch (IllegalArgumentException notAnId) {
            return null; // someone known by another name than an account id: not sent
        }
    }

    private record Window(Instant end, int count) {
        boolean endsBefore(Instant now) {
            return end.isBefore(now);
        }
    }
}
