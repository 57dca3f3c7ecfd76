package fr.veza.identity.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.internal.AccountClosureService;
import fr.veza.identity.internal.AccountService;
import fr.veza.identity.internal.SessionService;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Accounts")
class AuthController {

    private final AccountService accounts;
    private final SessionService sessions;
    private final AccountClosureService closures;
    private final ClientContexts clients;

    AuthController(
            AccountService accounts, SessionService sessions, AccountClosureService closures, ClientContexts clients) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.closures = closures;
        this.clients = clients;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/register")
    @Operation(summary = "Create an account (listener by default, or artist) and log in")
    ResponseEntity<AuthResponses.Registered> register(
            @Valid @RequestBody AuthRequests.Register body, HttpServletRequest request) {
        var registration = accounts.register(
                body.email().trim(), body.username(), body.password(), body.role(), clients.of(request));
        var tokens = registration.tokens();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new AuthResponses.Registered(
                        MyProfile.of(registration.user()),
                        tokens.accessToken(),
                        tokens.refreshToken(),
                        tokens.tokenType(),
                        tokens.expiresIn()));
    }

    @PostMapping("/login")
    @Operation(summary = "Log in with email or username and password")
    AuthResponses.Tokens login(@Valid @RequestBody AuthRequests.Login body, HttpServletRequest request) {
        return AuthResponses.Tokens.of(sessions.login(body.login(), body.password(), clients.of(request)));
    }

    @PostMapping("/recover")
    @Operation(summary = "Recover a closed account with its old email and password, before the recovery deadline")
    AuthResponses.Tokens recover(@Valid @RequestBody AuthRequests.Recover body, HttpServletRequest request) {
        return AuthResponses.Tokens.of(closures.recover(body.email(), body.password(), clients.of(request)));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Trade a refresh token for a new pair; the old refresh token stops working")
    AuthResponses.Tokens refresh(@Valid @RequestBody AuthRequests.Refresh body, HttpServletRequest request) {
        return AuthResponses.Tokens.of(sessions.refresh(body.refreshToken(), clients.of(request)));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/logout")
    @Operation(summary = "End the current session", security = @SecurityRequirement(name = "BearerAuth"))
    ResponseEntity<Void> logout(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        if (user.sessionId() == null) {
            throw new VezaException(
                    ErrorCode.BAD_REQUEST, "An API key has no session to end; revoke the key to stop it working.");
        }
        sessions.logout(user, clients.of(request));
        return ResponseEntity.noContent().build();
    }
}
