package fr.veza.identity.internal;

import fr.veza.platform.errors.RateLimitedException;
import fr.veza.platform.ratelimit.Allowance;
import fr.veza.platform.ratelimit.Limit;
import fr.veza.platform.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing from two sides: every attempt counts against the client address, and failed attempts
 * count against the account named, so a botnet rotating addresses still hits the account limit.
 */
@Component
class LoginThrottle {

    private final RateLimiter limiter;
    private final Limit perIp;
    private final Limit perAccount;

    LoginThrottle(RateLimiter limiter, IdentitySettings settings) {
        this.limiter = limiter;
        this.perIp = Limit.perMinute(settings.login().perIpPerMinute());
        this.perAccount =
                new Limit(settings.login().failuresPerAccount(), settings.login().accountWindow());
    }

    /** Counts an attempt from this address and refuses it if the address or the account is over its limit. */
    void admit(String ip, String login) {
        Allowance fromIp = limiter.tryConsume("login:ip:" + ip, perIp);
        if (!fromIp.allowed()) {
            throw refused(fromIp.reset());
        }
        Allowance forAccount = limiter.peek(accountKey(login), perAccount);
        if (!forAccount.allowed()) {
            throw refused(forAccount.reset());
        }
    }

    void failed(String login) {
        limiter.tryConsume(accountKey(login), perAccount);
    }

    private static String accountKey(String login) {
        return "login:account:" + login.trim().toLowerCase(Locale.ROOT);
    }

    private static RateLimitedException refused(Duration wait) {
        return new RateLimitedException("Too many login attempts; try again later.", wait);
    }
}
