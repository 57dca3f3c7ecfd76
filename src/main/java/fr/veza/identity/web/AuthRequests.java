package fr.veza.identity.web;

import fr.veza.identity.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

final class AuthRequests {

    private AuthRequests() {}

    record Register(
            @NotBlank @Email @Size(max = 254) String email,

            @NotBlank
            @Pattern(regexp = "^[A-Za-z0-9_.-]{3,30}$", message = "must be 3 to 30 letters, digits, '.', '_' or '-'")
            String username,

            @NotNull @Size(max = 1024) String password,
            Role role) {}

    record Login(
            @NotBlank @Size(max = 254) String login,
            @NotNull @Size(max = 1024) String password) {}

    record Recover(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(max = 1024) String password) {}

    record Refresh(@NotBlank @Size(max = 200) String refreshToken) {}

    record ChangeRole(@NotNull Role role) {}
}
