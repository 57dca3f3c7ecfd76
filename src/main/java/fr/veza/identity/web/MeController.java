package fr.veza.identity.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.internal.AccountClosureService;
import fr.veza.identity.internal.AccountService;
import fr.veza.identity.internal.ActiveSession;
import fr.veza.identity.internal.PasswordChangeService;
import fr.veza.identity.internal.SessionService;
import fr.veza.identity.internal.SettingsService;
import fr.veza.identity.internal.UserSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Accounts")
@SecurityRequirement(name = "BearerAuth")
class MeController {

    private final AccountService accounts;
    private final SettingsService settings;
    private final SessionService sessions;
    private final AccountClosureService closures;
    private final ClientContexts clients;
    private final PasswordChangeService passwordChanges;

    MeController(
            AccountService accounts,
            SettingsService settings,
            SessionService sessions,
            AccountClosureService closures,
            ClientContexts clients,
            PasswordChangeService passwordChanges) {
        this.passwordChanges = passwordChanges;
        this.accounts = accounts;
        this.closures = closures;
        this.settings = settings;
        this.sessions = sessions;
        this.clients = clients;
    }

    @GetMapping
    @Operation(summary = "My account, private fields included")
    MyProfile me(@AuthenticationPrincipal CurrentUser user) {
        return MyProfile.of(accounts.get(user.id()));
    }

    @PatchMapping
    @Operation(summary = "Change my profile: absent fields stay, null clears")
    MyProfile update(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ProfilePatch patch) {
        return MyProfile.of(accounts.updateProfile(user.id(), patch::applyTo));
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @DeleteMapping
    @Operation(
            summary = "Close my account",
            description = "Signs out everywhere and anonymises the profile at once; the account can be recovered"
                    + " with POST /api/v1/auth/recover until recovery_deadline, then it is erased for good. Public"
                    + " tracks stay, credited anonymously, only with keep_public_tracks.")
    ResponseEntity<Closed> close(
            @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Close body, HttpServletRequest request) {
        Instant deadline = closures.close(
                user.id(), body.password(), Boolean.TRUE.equals(body.keepPublicTracks()), clients.of(request));
        return ResponseEntity.accepted().body(new Closed("closed", deadline));
    }

    /** @param keepPublicTracks optional, false when absent (which is why it is not a primitive) */
    record Close(@NotNull @Size(max = 1024) String password, Boolean keepPublicTracks) {}

    record Closed(String status, Instant recoveryDeadline) {}

    @PostMapping("/artist")
    @Operation(summary = "Become an artist: publish and sell tracks")
    MyProfile becomeArtist(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        return MyProfile.of(accounts.becomeArtist(user, clients.of(request)));
    }

    @GetMapping("/settings")
    UserSettings settings(@AuthenticationPrincipal CurrentUser user) {
        return settings.get(user.id());
    }

    @PatchMapping("/settings")
    UserSettings updateSettings(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody SettingsPatch patch) {
        return settings.update(user.id(), patch::applyTo);
    }

    @PutMapping("/password")
    @Operation(
            summary = "Change my password",
            description = "The current password confirms it is really you (wrong: 403 wrong_password, under the"
                    + " login limits); the new one follows the password policy. Every other session is signed out;"
                    + " this one stays. API keys and app passwords stay.")
    PasswordChanged changePassword(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody PasswordChange body,
            HttpServletRequest request) {
        return new PasswordChanged(
                passwordChanges.change(user, body.currentPassword(), body.newPassword(), clients.of(request)));
    }

    record PasswordChange(
            @NotNull @Size(max = 1024) String currentPassword,
            @NotNull @Size(max = 1024) String newPassword) {}

    /** @param otherSessionsSignedOut how many sessions elsewhere ended */
    record PasswordChanged(int otherSessionsSignedOut) {}

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/sessions")
    @Operation(summary = "Log out every session but this one")
    ResponseEntity<Void> revokeOthers(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        sessions.revokeOthers(user, "revoked_by_user", clients.of(request));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sessions")
    @Operation(summary = "Where I am logged in")
    List<SessionView> sessions(@AuthenticationPrincipal CurrentUser user) {
        return sessions.activeSessions(user.id()).stream()
                .map(session -> SessionView.of(session, user.sessionId()))
                .toList();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/sessions/{id}")
    @Operation(summary = "Log out one of my sessions")
    ResponseEntity<Void> revoke(
            @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletRequest request) {
        sessions.revoke(user.id(), id, "revoked_by_user", clients.of(request));
        return ResponseEntity.noContent().build();
    }

    record SessionView(
            UUID id,
            Instant startedAt,
            Instant lastRefreshedAt,
            Instant expiresAt,
            String ipAddress,
            String userAgent,
            boolean current) {

        static SessionView of(ActiveSession session, UUID currentSessionId) {
            return new SessionView(
                    session.id(),
                    session.startedAt(),
                    session.lastRefreshedAt(),
                    session.expiresAt(),
                    session.ipAddress(),
                    session.userAgent(),
                    session.id().equals(currentSessionId));
        }
    }
}
