package fr.veza.marketplace.internal;

import fr.veza.marketplace.providers.HyperswitchGateway;
import fr.veza.marketplace.providers.PaymentGateway;
import fr.veza.marketplace.providers.PayoutGateway;
import fr.veza.marketplace.providers.SandboxPaymentGateway;
import fr.veza.marketplace.providers.SandboxPayoutGateway;
import fr.veza.marketplace.providers.StripePayoutGateway;
import fr.veza.platform.config.Secret;
import fr.veza.platform.config.SecretResolver;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The real providers when their keys are set, the built-in sandbox otherwise. Production never reaches the sandbox:
 * the start is refused without HYPERSWITCH_API_KEY, HYPERSWITCH_RESPONSE_HASH_KEY and STRIPE_SECRET_KEY.
 */
@Configuration(proxyBeanMethods = false)
class PaymentProviders {

    private static final Logger log = LoggerFactory.getLogger(PaymentProviders.class);

    @Bean
    PaymentGateway paymentGateway(MarketplaceSettings settings, Clock clock) {
        MarketplaceSettings.Hyperswitch hyperswitch = settings.hyperswitch();
        if (hyperswitch.sandbox()) {
            log.warn("payments: HYPERSWITCH_API_KEY is not set, the built-in SANDBOX takes payments (no real money)");
            return new SandboxPaymentGateway(clock);
        }
        return new HyperswitchGateway(
                hyperswitch.url().toString(), hyperswitch.apiKey().value(), hyperswitch.timeout());
    }

    @Bean
    PayoutGateway payoutGateway(MarketplaceSettings settings) {
        MarketplaceSettings.Stripe stripe = settings.stripe();
        if (stripe.sandbox()) {
            log.warn("payouts: STRIPE_SECRET_KEY is not set, the built-in SANDBOX takes payouts (no real money)");
            return new SandboxPayoutGateway();
        }
        return new StripePayoutGateway(
                stripe.secretKey().value(),
                stripe.apiBase().toString(),
                settings.hyperswitch().timeout());
    }

    /** Generated and kept under the data directory in development, so the sandbox can sign its webhooks. */
    @Bean
    ResponseHashKey responseHashKey(MarketplaceSettings settings, SecretResolver secrets) {
        return new ResponseHashKey(
                secrets.resolve(settings.hyperswitch().responseHashKey(), "HYPERSWITCH_RESPONSE_HASH_KEY"));
    }

    /** The key Hyperswitch signs webhooks with. */
    record ResponseHashKey(Secret secret) {}
}
