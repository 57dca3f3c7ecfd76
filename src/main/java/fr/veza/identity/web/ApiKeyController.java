package fr.veza.identity.web;

import fr.veza.identity.ApiScope;
import fr.veza.identity.CurrentUser;
import fr.veza.identity.internal.ApiKey;
import fr.veza.identity.internal.ApiKeyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
@RequestMapping("/api/v1/developer/api-keys")
@Tag(name = "Developer")
class ApiKeyController {

    private final ApiKeyService keys;
    private final ClientContexts clients;

    ApiKeyController(ApiKeyService keys, ClientContexts clients) {
        this.keys = keys;
        this.clients = clients;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @Operation(summary = "Create an API key; the key is in this answer only")
    ResponseEntity<Created> create(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody CreateRequest body,
            HttpServletRequest request) {
        var created = keys.create(
                user,
                body.name().strip(),
                EnumSet.copyOf(body.scopes()),
                body.expiresAt(),
                clients.of(request).ipAddress());
        return ResponseEntity.status(HttpStatus.CREATED).body(Created.of(created.key(), created.secret()));
    }

    @GetMapping
    @Operation(summary = "My live API keys (never the keys themselves)")
    List<View> list(@AuthenticationPrincipal CurrentUser user) {
        return keys.list(user.id()).stream().map(View::of).toList();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of my API keys, at once")
    ResponseEntity<Void> revoke(
            @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletRequest request) {
        keys.revoke(user, id, clients.of(request).ipAddress());
        return ResponseEntity.noContent().build();
    }

    record CreateRequest(
            @NotBlank @Size(max = 100) String name,
            @NotEmpty @Size(max = 3) Set<@NotNull ApiScope> scopes,
            Instant expiresAt) {}

    record View(
            UUID id,
            String name,
            String prefix,
            Set<ApiScope> scopes,
            Instant createdAt,
            Instant lastUsedAt,
            Instant expiresAt) {

        static View of(ApiKey key) {
            return new View(
                    key.id(),
                    key.name(),
                    key.prefix(),
                    key.scopes(),
                    key.createdAt(),
                    key.lastUsedAt(),
                    key.expiresAt());
        }
    }

    record Created(
            UUID id,
            String name,
            String prefix,
            Set<ApiScope> scopes,
            Instant createdAt,
            Instant expiresAt,
            String key) {

        static Created of(ApiKey key, String secret) {
            return new Created(
                    key.id(), key.name(), key.prefix(), key.scopes(), key.createdAt(), key.expiresAt(), secret);
        }
    }
}
