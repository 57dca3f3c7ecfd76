package fr.veza.marketplace.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.marketplace.providers.PaymentProviderException;
import fr.veza.marketplace.providers.PayoutGateway;
import fr.veza.platform.config.PlatformSettings;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Seller onboarding to Stripe Connect, payout readiness, and a seller's own payouts. */
@Service
public class SellerService {

    private static final Logger log = LoggerFactory.getLogger(SellerService.class);

    private final SellerAccountRepository accounts;
    private final TransferRepository transfers;
    private final PayoutGateway payouts;
    private final URI returnUrl;

    SellerService(
            SellerAccountRepository accounts,
            TransferRepository transfers,
            PayoutGateway payouts,
            MarketplaceSettings settings,
            PlatformSettings platform) {
        this.accounts = accounts;
        this.transfers = transfers;
        this.payouts = payouts;
        URI configured = settings.stripe().connectReturnUrl();
        this.returnUrl = configured == null || configured.toString().isBlank()
                ? platform.publicBaseUrl().resolve("/studio/selling")
                : configured;
    }

    /** Creates the seller's Express account on first call, and answers a fresh onboarding link each time. */
    public Onboarding onboard(CurrentUser user) {
        if (!user.canPublish()) {
            throw VezaException.forbidden("Only artists can sell and be paid.");
        }
        SellerAccount account = accounts.find(user.id()).orElseGet(() -> {
            String id = provider(() -> payouts.createAccount(
                    "veza-account-" + user.id(),
                    null,
                    Map.of("veza_user_id", user.id().toString())));
            accounts.insertIfAbsent(user.id(), id);
            log.info("seller {}: Stripe account {} created", user.id(), id);
            return accounts.find(user.id()).orElseThrow();
        });
        String link = provider(
                () -> payouts.onboardingLink(account.stripeAccountId(), returnUrl.toString(), returnUrl.toString()));
        return new Onboarding(account.stripeAccountId(), link, refresh(account));
    }

    /** The seller's account as Stripe sees it now, or as last seen when Stripe cannot be reached. */
    public SellerAccount me(CurrentUser user) {
        return accounts.find(user.id())
                .map(this::refresh)
                .orElseThrow(
                        () -> VezaException.notFound("Seller account (start with POST /api/v1/sellers/onboarding)"));
    }

    public CursorPage<Transfer> transfers(UUID sellerId, Cursor after, int limit) {
        return CursorPage.of(
                transfers.page(sellerId, null, after, limit + 1), limit, t -> new Cursor(t.createdAt(), t.id()));
    }

    /**
     * Asks Stripe again about sellers whose payouts wait for onboarding, so a seller who finished it at Stripe is
     * paid without coming back to Veza; answers how many can now be paid.
     */
    int refreshAwaitingSellers(int limit) {
        int ready = 0;
        for (TransferRepository.SellerToRefresh seller : transfers.sellersAwaitingOnboarding(limit)) {
            try {
                PayoutGateway.AccountState state = payouts.account(seller.stripeAccountId());
                accounts.refreshed(
                        seller.userId(), state.detailsSubmitted(), state.chargesEnabled(), state.payoutsEnabled());
                ready += state.payoutsEnabled() ? 1 : 0;
            } catch (PaymentProviderException e) {
                log.warn("seller {}: account state not refreshed: {}", seller.userId(), e.getMessage());
            }
        }
        return ready;
    }

    private SellerAccount refresh(SellerAccount account) {
        try {
            PayoutGateway.AccountState state = payouts.account(account.stripeAccountId());
            accounts.refreshed(
                    account.userId(), state.detailsSubmitted(), state.chargesEnabled(), state.payoutsEnabled());
            return accounts.find(account.userId()).orElse(account);
        } catch (PaymentProviderException e) {
            log.warn("seller {}: account state not refreshed: {}", account.userId(), e.getMessage());
            return account;
        }
    }

    private static String provider(java.util.function.Supplier<String> call) {
        try {
            return call.get();
        } catch (PaymentProviderException e) {
            throw new VezaException(ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE, "Stripe could not be reached; try again.");
        }
    }

    public record Onboarding(String accountId, String onboardingUrl, SellerAccount account) {}
}
