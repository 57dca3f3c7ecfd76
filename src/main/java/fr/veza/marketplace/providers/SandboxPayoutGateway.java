package fr.veza.marketplace.providers;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in stand-in for Stripe Connect when no secret key is configured: accounts are ready at once, transfers
 * and reversals are accepted at once. Never used in production.
 */
public class SandboxPayoutGateway implements PayoutGateway {

    private final Map<String, String> byKey = new ConcurrentHashMap<>();
    private final Map<String, Boolean> reversed = new ConcurrentHashMap<>();

    @Override
    public String createAccount(String idempotencyKey, String email, Map<String, String> metadata) {
        return byKey.computeIfAbsent(idempotencyKey, k -> "acct_sandbox_" + hex());
    }

    @Override
    public String onboardingLink(String accountId, String returnUrl, String refreshUrl) {
        // no onboarding site to visit: straight back to the return page, on whichever address Veza was reached
        java.net.URI back = java.net.URI.create(returnUrl);
        String path = back.getRawPath() == null || back.getRawPath().isEmpty() ? "/" : back.getRawPath();
        return path + "?" + (back.getRawQuery() == null ? "" : back.getRawQuery() + "&") + "sandbox_account="
                + accountId;
    }

    @Override
    public AccountState account(String accountId) {
        return new AccountState(true, true, true);
    }

    @Override
    public String transfer(
            String idempotencyKey,
            String accountId,
            long amountMinor,
            String currency,
            String group,
            Map<String, String> metadata) {
        return byKey.computeIfAbsent(idempotencyKey, k -> "tr_sandbox_" + hex());
    }

    @Override
    public String reverse(String transferId, String idempotencyKey) {
        if (reversed.putIfAbsent(transferId, Boolean.TRUE) != null) {
            throw new TransferAlreadyReversedException(transferId);
        }
        return "trr_sandbox_" + hex();
    }

    @Override
    public boolean sandbox() {
        return true;
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
