package fr.veza.identity.web;

import fr.veza.identity.CurrentUser;
import fr.veza.identity.internal.EmailChangeService;
import fr.veza.identity.internal.EmailVerificationService;
import fr.veza.identity.internal.PasswordResetService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The mailed links of an account: a forgotten password reset, the email address verified or changed. */
@RestController
@Tag(name = "Accounts")
class AccountEmailController {

    static final String SENT = "If an account uses this address, a link to reset its password is on its way.";

    private final PasswordResetService resets;
    private final EmailVerificationService verification;
    private final EmailChangeService changes;
    private final ClientContexts clients;

    AccountEmailController(
            PasswordResetService resets,
            EmailVerificationService verification,
            EmailChangeService changes,
            ClientContexts clients) {
        this.resets = resets;
        this.verification = verification;
        this.changes = changes;
        this.clients = clients;
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/api/v1/auth/password-reset")
    @Operation(
            summary = "Mail a password reset link",
            description = "Answers the same whether or not an account uses the address; rate limited per address"
                    + " and per client.")
    ResponseEntity<Accepted> requestReset(@Valid @RequestBody ResetRequest body, HttpServletRequest request) {
        resets.request(body.email(), clients.of(request));
        return ResponseEntity.accepted().body(new Accepted(SENT));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/api/v1/auth/password-reset/confirm")
    @Operation(
            summary = "Set a new password with the mailed token",
            description =
                    "The token works once, before PASSWORD_RESET_TTL; every session of the account is signed" + " out.")
    ResponseEntity<Void> confirmReset(@Valid @RequestBody ResetConfirmation body, HttpServletRequest request) {
        resets.reset(body.token(), body.password(), clients.of(request));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/api/v1/auth/verify-email")
    @Operation(summary = "Confirm the account's email address with the mailed token")
    ResponseEntity<Void> verify(@Valid @RequestBody Verification body) {
        verification.verify(body.token());
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/api/v1/me/verify-email/resend")
    @Operation(summary = "Mail the verification link again", security = @SecurityRequirement(name = "BearerAuth"))
    ResponseEntity<Accepted> resend(@AuthenticationPrincipal CurrentUser me) {
        verification.resend(me);
        return ResponseEntity.accepted().body(new Accepted("A new verification link is on its way."));
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/api/v1/me/email")
    @Operation(
            summary = "Move your account to another address",
            description = "Takes your password. Mails a link to the new address and a notice to the current one;"
                    + " the account keeps its address until the link is followed.",
            security = @SecurityRequirement(name = "BearerAuth"))
    ResponseEntity<Accepted> changeEmail(
            @AuthenticationPrincipal CurrentUser me, @Valid @RequestBody EmailChange body, HttpServletRequest request) {
        changes.request(me, body.email(), body.password(), clients.of(request));
        return ResponseEntity.accepted().body(new Accepted("A link to confirm the new address is on its way there."));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/api/v1/auth/confirm-email")
    @Operation(summary = "Confirm a new email address with the token mailed to it")
    ResponseEntity<Void> confirmEmail(@Valid @RequestBody Verification body) {
        changes.confirm(body.token());
        return ResponseEntity.noContent().build();
    }

    record EmailChange(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String password) {}

    record ResetRequest(@NotBlank @Size(max = 254) String email) {}

    record ResetConfirmation(
            @NotBlank @Size(max = 100) String token,
            @NotNull @Size(max = 1024) String password) {}

    record Verification(@NotBlank @Size(max = 100) String token) {}

    record Accepted(String detail) {}
}
