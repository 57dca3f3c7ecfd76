package fr.veza.identity.internal;

import fr.veza.platform.errors.RateLimitedException;
import fr.veza.platform.ratelimit.Allowance;
import fr.veza.platform.ratelimit.Limit;
import fr.veza.platform.ratelimit.RateLimiter;
import fr.veza.platform.ratelimit.RateLimiters;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing from two sides: every attempt counts against the client address, and failed attempts
 * count against the account named, so a botnet rotating addresses still hits the account limit. When Redis
 * fails, the limits hold per instance rather than lapse.
 */
@Component
class LoginThrottle {

    private final RateLimiter limiter;
    private final Limit perIp;
    private final Limit perAccount;
    private final Limit registrationsPerIp;
    private final Limit registrations;

    LoginThrottle(@Qualifier(RateLimiters.ACCOUNT_PROTECTION) RateLimiter limiter, IdentitySettings settings) {
        this.limiter = limiter;
        this.perIp = Limit.perMinute(settings.login().perIpPerMinute());
        this.perAccount = new Limit(
                settings.login().failuresPerAccount(), settings.login().accountWindow());
        this.registrationsPerIp = Limit.perHour(settings.login().registrationsPerIpPerHour());
        this.registrations = Limit.perMinute(settings.login().registrationsPerMinute());
    }

    /** Counts a sign-up from this address and from everyone, so a script cannot mint accounts by the thousand. */
    void admitRegistration(String ip) {
        Allowance fromIp = limiter.tryConsume("register:ip:" + ip, registrationsPerIp);
        if (!fromIp.allowed()) {
            throw new RateLimitedException("Too many sign-ups from this address; try again later.", fromIp.reset());
        }
        Allowance overall = limiter.tryConsume("register:all", registrations);
        if (!overall.allowed()) {
            throw new RateLimitedException("Too many sign-ups right now; try again in a minute.", overall.reset());
        }
    }

    /** Counts an attempt from this address, refusing it once the address is over its limit. */
    void admitAddress(String ip) {
        Allowance fromIp = limiter.tryConsume("login:ip:" + ip, perIp);
        if (!fromIp.allowed()) {
            throw refused(fromIp.reset());
        }
    }

    /**
     * Refuses an attempt on an account that failed too often. The key is the account id when the login names an
     * account, so switching between its email and username does not reset the count.
     */
    void admitAccount(String accountKey) {
        Allowance forAccount = limiter.peek(key(accountKey), perAccount);
        if (!forAccount.allowed()) {
            throw refused(forAccount.reset());
        }
    }

    void failed(String accountKey) {
        limiter.tryConsume(key(accountKey), perAccount);
    }

    /**
     * Players sign in on every request, so only their failures count, in buckets of their own: a player with a
     * stale app password slows its own sign-ins for the account's window, never the person's web login.
     */
    void admitPlayer(String ip, java.util.UUID accountId) {
        Allowance fromIp = limiter.peek(playerIpKey(ip), perIp);
        if (!fromIp.allowed()) {
            throw refused(fromIp.reset());
        }
        if (accountId != null) {
            Allowance forAccount = limiter.peek(playerAccountKey(accountId), perAccount);
            if (!forAccount.allowed()) {
                throw refused(forAccount.reset());
            }
        }
    }

    void playerFailed(String ip, java.util.UUID accountId) {
        limiter.tryConsume(playerIpKey(ip), perIp);
        if (accountId != null) {
            limiter.tryConsume(playerAccountKey(accountId), perAccount);
        }
    }

    private static String playerIpKey(String ip) {
        return "player:ip:" + ip;
    }

    private static String playerAccountKey(java.util.UUID accountId) {
        return "player:account:" + accountId;
    }

    static String accountKey(java.util.Optional<java.util.UUID> accountId, String login) {
        return accountId
                .map(java.util.UUID::toString)
                .orElseGet(() -> login.trim().toLowerCase(Locale.ROOT));
    }

    private static String key(String accountKey) {
        return "login:account:" + accountKey;
    }

    private static RateLimitedException refused(Duration wait) {
        return new RateLimitedException("Too many login attempts; try again later.", wait);
    }
}
