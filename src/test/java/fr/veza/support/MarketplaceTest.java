package fr.veza.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tests against the real providers' APIs, served by {@link TestProviders}: Hyperswitch and Stripe keys are set, so
 * no sandbox is involved. The marketplace workers are not scheduled; tests run them when they mean to.
 */
public abstract class MarketplaceTest extends IntegrationTest {

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("veza.marketplace.hyperswitch.url", TestProviders::url);
        registry.add("veza.marketplace.hyperswitch.api-key", () -> "snd_test_key");
        registry.add("veza.marketplace.hyperswitch.response-hash-key", () -> TestProviders.RESPONSE_HASH_KEY);
        registry.add("veza.marketplace.hyperswitch.timeout", () -> "3s");
        registry.add("veza.marketplace.stripe.secret-key", () -> "sk_test_key");
        registry.add("veza.marketplace.stripe.api-base", TestProviders::url);
    }
}
