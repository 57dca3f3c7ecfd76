package fr.veza.identity.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.internal.AccountAdministration;
import fr.veza.identity.internal.AccountService;
import fr.veza.identity.internal.ProfileChanges;
import fr.veza.platform.cache.UserCache;
import fr.veza.platform.errors.VezaException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts")
class UserController {

    private final AccountService accounts;
    private final AccountAdministration administration;
    private final ClientContexts clients;
    private final UserCache cache;

    UserController(
            AccountService accounts, AccountAdministration administration, ClientContexts clients, UserCache cache) {
        this.administration = administration;
        this.accounts = accounts;
        this.clients = clients;
        this.cache = cache;
    }

    @GetMapping("/api/v1/users/{id}")
    @Operation(summary = "A public profile")
    PublicProfile profile(@PathVariable UUID id) {
        PublicProfile profile = cache.get(
                id,
                ProfileChanges.CACHE,
                PublicProfile.class,
                ProfileChanges.TTL,
                () -> accounts.findPublic(id).map(PublicProfile::of).orElse(null));
        if (profile == null) {
            throw VezaException.notFound("User " + id);
        }
        return profile;
    }

    @PutMapping("/api/v1/admin/users/{id}/role")
    @Operation(summary = "Change a user's role (admin)", security = @SecurityRequirement(name = "BearerAuth"))
    MyProfile changeRole(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable UUID id,
            @Valid @RequestBody AuthRequests.ChangeRole body,
            HttpServletRequest request) {
        return MyProfile.of(accounts.changeRole(admin, id, body.role(), clients.of(request)));
    }

    @PostMapping("/api/v1/admin/users/{id}/suspend")
    @Operation(
            summary = "Suspend an account (admin): signed out everywhere, hidden with what it published",
            security = @SecurityRequirement(name = "BearerAuth"))
    MyProfile suspend(
            @AuthenticationPrincipal CurrentUser admin,
            @PathVariable UUID id,
            @Valid @RequestBody Suspension body,
            HttpServletRequest request) {
        return MyProfile.of(administration.suspend(admin, id, body.reason().strip(), clients.of(request)));
    }

    @PostMapping("/api/v1/admin/users/{id}/reinstate")
    @Operation(summary = "Lift a suspension (admin)", security = @SecurityRequirement(name = "BearerAuth"))
    MyProfile reinstate(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, HttpServletRequest request) {
        return MyProfile.of(administration.reinstate(admin, id, clients.of(request)));
    }

    record Suspension(@NotBlank @Size(max = 500) String reason) {}
}
