package fr.veza.developer.web;

import fr.veza.developer.internal.WebhookDelivery;
import fr.veza.developer.internal.WebhookEndpoint;
import fr.veza.developer.internal.WebhookEvent;
import fr.veza.developer.internal.WebhookService;
import fr.veza.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/developer/webhooks")
@Tag(name = "Developer")
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @Operation(summary = "Register an endpoint for events on my data; the signing secret is in this answer only")
    ResponseEntity<Registered> register(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Request body) {
        var registered = webhooks.register(user, body.url(), body.events());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Registered.of(registered.endpoint(), registered.secret()));
    }

    @GetMapping
    List<View> list(@AuthenticationPrincipal CurrentUser user) {
        return webhooks.endpoints(user.id()).stream().map(View::of).toList();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        webhooks.delete(user.id(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable an endpoint again after it was disabled for failing")
    View enable(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return View.of(webhooks.enable(user.id(), id));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Stop deliveries to an endpoint until it is enabled again")
    View disable(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return View.of(webhooks.disable(user.id(), id));
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{id}/test")
    @Operation(summary = "Queue a signed webhook.test event to this endpoint; its delivery appears in the log")
    ResponseEntity<TestEvent> test(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return ResponseEntity.accepted()
                .body(new TestEvent(webhooks.sendTest(user.id(), id), WebhookService.TEST_EVENT));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The last 100 deliveries to an endpoint, newest first")
    List<WebhookDelivery> deliveries(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return webhooks.deliveries(user.id(), id);
    }

    record TestEvent(UUID eventId, String type) {}

    record Request(
            @NotBlank @Size(max = 2048) String url,
            @NotEmpty @Size(max = 10) List<@NotNull WebhookEvent> events) {}

    record View(
            UUID id,
            String url,
            List<WebhookEvent> events,
            String status,
            int consecutiveFailures,
            String disabledReason,
            Instant createdAt) {

        static View of(WebhookEndpoint endpoint) {
            return new View(
                    endpoint.id(),
                    endpoint.url(),
                    endpoint.events(),
                    endpoint.status(),
                    endpoint.consecutiveFailures(),
                    endpoint.disabledReason(),
                    endpoint.createdAt());
        }
    }

    record Registered(UUID id, String url, List<WebhookEvent> events, String status, String secret) {

        static Registered of(WebhookEndpoint endpoint, String secret) {
            return new Registered(endpoint.id(), endpoint.url(), endpoint.events(), endpoint.status(), secret);
        }
    }
}
