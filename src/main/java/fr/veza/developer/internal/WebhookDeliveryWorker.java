package fr.veza.developer.internal;

import fr.veza.platform.errors.VezaException;
import fr.veza.platform.outbound.OutboundClient;
import fr.veza.platform.outbound.OutboundTargets;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries. A 2xx answer delivers; anything else is retried after 1 min, 5 min, 30 min, 2 h,
 * then every 6 h, up to {@code WEBHOOK_MAX_ATTEMPTS}; an endpoint that fails {@code WEBHOOK_DISABLE_AFTER} times in
 * a row is disabled until its owner enables it again. Redirects are not followed, and the target is checked again
 * before each send and on the address connected to.
 */
@Component
class WebhookDeliveryWorker implements PeriodicWorker {

    static final List<Duration> BACKOFF = List.of(
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(6));
    private static final int BATCH = 50;
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryWorker.class);

    private final WebhookRepository webhooks;
    private final WebhookTargets targets;
    private final WebhookSettings settings;
    private final Clock clock;
    private final OutboundClient http;

    WebhookDeliveryWorker(WebhookRepository webhooks, WebhookTargets targets, WebhookSettings settings, Clock clock) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.settings = settings;
        this.clock = clock;
        this.http = new OutboundClient(targets, settings.timeout(), "Veza-Webhooks/1");
    }

    @PreDestroy
    void closeConnections() throws IOException {
        http.close();
    }

    @Override
    public String name() {
        return "webhook-delivery";
    }

    @Override
    public Duration interval() {
        return settings.deliveryInterval();
    }

    @Override
    public WorkReport run(WorkerRun run) {
        WorkReport report = WorkReport.NOTHING;
        List<WebhookRepository.DueDelivery> batch;
        do {
            batch = webhooks.claimDue(BATCH, settings.timeout().multipliedBy(3));
            for (WebhookRepository.DueDelivery delivery : batch) {
                report = report.plus(send(delivery));
            }
        } while (batch.size() == BATCH && !run.stopping());
        return report;
    }

    private WorkReport send(WebhookRepository.DueDelivery delivery) {
        if (!delivery.endpointActive()) {
            webhooks.abandon(delivery.id(), "endpoint disabled or deleted");
            return new WorkReport(0, 1);
        }
        Integer status = null;
        String error;
        try {
            URI target = targets.requireAllowed(delivery.url());
            long now = clock.instant().getEpochSecond();
            status = http.post(
                    target,
                    Map.of(
                            "Veza-Event", delivery.eventType(),
                            "Veza-Event-Id", delivery.eventId().toString(),
                            "Veza-Delivery", delivery.id().toString(),
                            "Veza-Signature", WebhookSigner.header(delivery.secret(), now, delivery.payload())),
                    delivery.payload());
            if (status >= 200 && status < 300) {
                webhooks.delivered(delivery.id(), status);
                webhooks.endpointSucceeded(delivery.endpointId());
                return new WorkReport(1, 0);
            }
            error = "answered " + status;
        } catch (VezaException refused) {
            error = "target refused: " + refused.getMessage();
        } catch (OutboundTargets.InternalTargetException refused) {
            error = "target refused: url points to a private or local address";
        } catch (IOException e) {
            error = "could not reach the endpoint: " + e.getClass().getSimpleName();
        }
        int attempt = delivery.attempts() + 1;
        boolean giveUp = attempt >= settings.maxAttempts();
        Instant next = clock.instant().plus(BACKOFF.get(Math.min(attempt - 1, BACKOFF.size() - 1)));
        webhooks.attemptFailed(delivery.id(), status, error, next, giveUp);
        if (webhooks.endpointFailed(delivery.endpointId(), settings.disableAfter())) {
            log.warn(
                    "webhook-delivery: endpoint {} disabled after {} failures in a row",
                    delivery.endpointId(),
                    settings.disableAfter());
        }
        log.info(
                "webhook-delivery: delivery {} attempt {} failed ({}){}",
                delivery.id(),
                attempt,
                error,
                giveUp ? ", given up" : ", next at " + next);
        return new WorkReport(0, 1);
    }
}
