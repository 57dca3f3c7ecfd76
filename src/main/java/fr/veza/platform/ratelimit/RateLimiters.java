package fr.veza.platform.ratelimit;

/** Names of the rate limiters other than the default one, for {@code @Qualifier}. */
public final class RateLimiters {

    /** Never fails open: for limits that protect accounts, such as login attempts. */
    public static final String ACCOUNT_PROTECTION = "accountProtectionRateLimiter";

    private RateLimiters() {}
}
