package fr.veza.marketplace.providers;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferReversalCreateParams;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Stripe Connect through stripe-java: Express accounts, transfers and reversals, each call with an idempotency key. */
public class StripePayoutGateway implements PayoutGateway {

    private static final String NOT_FOUND = "resource_missing";

    private final StripeClient stripe;

    public StripePayoutGateway(String secretKey, String apiBase, Duration timeout) {
        this.stripe = StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(apiBase)
                .setConnectBase(apiBase)
                .setConnectTimeout((int) timeout.toMillis())
                .setReadTimeout((int) timeout.toMillis())
                .setMaxNetworkRetries(0) // the workers retry, with their own backoff
                .build();
    }

    @Override
    public String createAccount(String idempotencyKey, String email, Map<String, String> metadata) {
        AccountCreateParams params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .setEmail(email)
                .setCapabilities(AccountCreateParams.Capabilities.builder()
                        .setTransfers(AccountCreateParams.Capabilities.Transfers.builder()
                                .setRequested(true)
                                .build())
                        .build())
                .putAllMetadata(metadata)
                .build();
        try {
            return stripe.v1().accounts().create(params, key(idempotencyKey)).getId();
        } catch (StripeException e) {
            throw failure("create account", e);
        }
    }

    @Override
    public String onboardingLink(String accountId, String returnUrl, String refreshUrl) {
        try {
            return stripe.v1()
                    .accountLinks()
                    .create(AccountLinkCreateParams.builder()
                            .setAccount(accountId)
                            .setReturnUrl(returnUrl)
                            .setRefreshUrl(refreshUrl)
                            .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                            .build())
                    .getUrl();
        } catch (StripeException e) {
            throw failure("create onboarding link", e);
        }
    }

    @Override
    public AccountState account(String accountId) {
        try {
            Account account = stripe.v1().accounts().retrieve(accountId);
            return new AccountState(
                    Boolean.TRUE.equals(account.getDetailsSubmitted()),
                    Boolean.TRUE.equals(account.getChargesEnabled()),
                    Boolean.TRUE.equals(account.getPayoutsEnabled()));
        } catch (StripeException e) {
            throw failure("read account", e);
        }
    }

    @Override
    public String transfer(
            String idempotencyKey,
            String accountId,
            long amountMinor,
            String currency,
            String group,
            Map<String, String> metadata) {
        TransferCreateParams params = TransferCreateParams.builder()
                .setAmount(amountMinor)
                .setCurrency(currency.toLowerCase(Locale.ROOT))
                .setDestination(accountId)
                .setTransferGroup(group)
                .putAllMetadata(metadata)
                .build();
        try {
            return stripe.v1().transfers().create(params, key(idempotencyKey)).getId();
        } catch (StripeException e) {
            throw failure("create transfer", e);
        }
    }

    /**
     * Stripe has no error code for "already reversed", only a message; so when a reversal is refused, the transfer
     * itself is read and its {@code reversed} / {@code amount_reversed} fields decide.
     */
    @Override
    public String reverse(String transferId, String idempotencyKey) {
        try {
            return stripe.v1()
                    .transfers()
                    .reversals()
                    .create(transferId, TransferReversalCreateParams.builder().build(), key(idempotencyKey))
                    .getId();
        } catch (InvalidRequestException refused) {
            if (NOT_FOUND.equals(refused.getCode())) {
                throw new TransferNotFoundException(transferId);
            }
            if (fullyReversed(transferId)) {
                throw new TransferAlreadyReversedException(transferId);
            }
            throw failure("reverse transfer", refused);
        } catch (StripeException e) {
            throw failure("reverse transfer", e);
        }
    }

    private boolean fullyReversed(String transferId) {
        try {
            Transfer transfer = stripe.v1().transfers().retrieve(transferId);
            long amount = transfer.getAmount() == null ? 0 : transfer.getAmount();
            long reversed = transfer.getAmountReversed() == null ? 0 : transfer.getAmountReversed();
            return Boolean.TRUE.equals(transfer.getReversed()) || (amount > 0 && reversed >= amount);
        } catch (StripeException unknown) {
            return false; // cannot tell: the refusal stays a failure to try again
        }
    }

    @Override
    public boolean sandbox() {
        return false;
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static PaymentProviderException failure(String what, StripeException e) {
        int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
        String code = e.getCode() == null ? "" : " " + e.getCode();
        String message =
                e.getStripeError() == null ? e.getMessage() : e.getStripeError().getMessage();
        return new PaymentProviderException(
                "Stripe " + what + " failed (" + status + code + "): " + message, status, null);
    }
}
