package fr.veza.identity.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.internal.AppPasswordService;
import fr.veza.identity.internal.AppPasswordService.AppPassword;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

/** App passwords for music players (the Subsonic API at {@code /rest}): one per player, revocable one by one. */
@RestController
@RequestMapping("/api/v1/me/app-passwords")
@Tag(name = "Accounts")
@SecurityRequirement(name = "BearerAuth")
class AppPasswordController {

    private final AppPasswordService passwords;
    private final ClientContexts clients;

    AppPasswordController(AppPasswordService passwords, ClientContexts clients) {
        this.passwords = passwords;
        this.clients = clients;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @Operation(summary = "Create an app password for a player; the password is in this answer only")
    ResponseEntity<Created> create(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody CreateRequest body,
            HttpServletRequest request) {
        var created =
                passwords.create(user, body.name().strip(), clients.of(request).ipAddress());
        return ResponseEntity.status(HttpStatus.CREATED).body(Created.of(created));
    }

    @GetMapping
    @Operation(summary = "My app passwords (names and dates, never the passwords)")
    List<AppPassword> list(@AuthenticationPrincipal CurrentUser user) {
        return passwords.list(user.id());
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an app password: the player using it is signed out at once")
    ResponseEntity<Void> revoke(
            @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletRequest request) {
        passwords.revoke(user, id, clients.of(request).ipAddress());
        return ResponseEntity.noContent().build();
    }

    record CreateRequest(@NotBlank @Size(max = 100) String name) {}

    /** @param password what the player signs in with, together with the username; shown once */
    record Created(UUID id, String name, Instant createdAt, String password) {

        static Created of(AppPasswordService.Created created) {
            return new Created(
                    created.appPassword().id(),
                    created.appPassword().name(),
                    created.appPassword().createdAt(),
                    created.password());
        }
    }
}
