package fr.veza.identity.internal;

import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A signed-in person confirms a change with their password. A guessed password is a sign-in attempt: the same
 * limits per client and per account apply, and a wrong one counts against the account.
 */
@Component
class PasswordConfirmation {

    private final LoginThrottle throttle;
    private final PasswordEncoder passwords;

    PasswordConfirmation(LoginThrottle throttle, PasswordEncoder passwords) {
        this.throttle = throttle;
        this.passwords = passwords;
    }

    /** @param refusal what a wrong password is answered with (403 wrong_password) */
    void require(UserRecord account, String password, ClientContext client, String refusal) {
        throttle.admitAddress(client.ipAddress());
        String accountKey = LoginThrottle.accountKey(Optional.of(account.id()), account.username());
        throttle.admitAccount(accountKey);
        if (password == null || !passwords.matches(password, account.passwordHash())) {
            throttle.failed(accountKey);
            throw new VezaException(ErrorCode.WRONG_PASSWORD, refusal);
        }
    }
}
