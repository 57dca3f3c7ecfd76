package fr.veza.marketplace;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.BrowserTest;
import fr.veza.support.TestProviders;
import fr.veza.support.TestUser;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Buying with real keys: the order page mounts the provider's payment form with the order's client secret, its
 * policy lets in that script's origin only, and the page follows the payment until the provider's webhook settles
 * it. The provider's script is a stand-in served like its API (the real one cannot be fetched offline): it mounts a
 * frame and confirms as Hyperswitch's does, so what is tested is Veza's side of the exchange.
 */
class ProviderCheckoutBrowserIntegrationTests extends BrowserTest {

    private static final String LOADER = """
            window.Hyper = function (key) {
              return {
                widgets: function (options) {
                  return { create: function () { return { mount: function (selector) {
                    var frame = document.createElement('iframe');
                    frame.title = 'Card details';
                    document.querySelector(selector).appendChild(frame);
                    window.mountedWith = { key: key, clientSecret: options.clientSecret };
                  } }; } };
                },
                confirmPayment: function (request) {
                  window.confirmedWith = request.confirmParams.return_url;
                  return Promise.resolve({ status: 'processing' });
                }
              };
            };
            """;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("veza.marketplace.hyperswitch.url", TestProviders::url);
        registry.add("veza.marketplace.hyperswitch.api-key", () -> "snd_test_key");
        registry.add("veza.marketplace.hyperswitch.response-hash-key", () -> TestProviders.RESPONSE_HASH_KEY);
        registry.add("veza.marketplace.hyperswitch.publishable-key", () -> "pk_snd_test");
        registry.add("veza.marketplace.hyperswitch.sdk-url", () -> TestProviders.url() + "/web/HyperLoader.js");
        registry.add("veza.marketplace.stripe.secret-key", () -> "sk_test_key");
        registry.add("veza.marketplace.stripe.api-base", TestProviders::url);
    }

    @Test
    void theOrderPageMountsTheProvidersFormAndFollowsThePaymentToItsEnd() {
        ShopStubs.answer();
        TestProviders.client()
                .register(get(urlPathEqualTo("/web/HyperLoader.js"))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "text/javascript")
                                .withBody(LOADER)));
        TestUser seller = register("artist");
        jdbc.sql("INSERT INTO seller_accounts (user_id, stripe_account_id, details_submitted, charges_enabled,"
                        + " payouts_enabled) VALUES (:user, :account, TRUE, TRUE, TRUE)")
                .param("user", seller.id())
                .param(
                        "account",
                        "acct_" + seller.id().toString().replace("-", "").substring(0, 16))
                .update();
        UUID track = readyTrack(seller, "Provider night", "public");
        offerDownload(seller, track, 1000, "EUR");
        TestUser buyer = register();
        WebDriver browser = browser();
        signIn(browser, buyer);

        browser.get(url("/tracks/" + track));
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.offer button")));
        inView(browser, browser.findElement(By.cssSelector("form.offer button")))
                .click();
        waiting(browser).until(driver -> script(driver, "return window.mountedWith || null") != null);
        String clientSecret = jdbc.sql("SELECT client_secret FROM orders WHERE buyer_id = :buyer")
                .param("buyer", buyer.id())
                .query(String.class)
                .single();
        assertThat(script(browser, "return window.mountedWith.clientSecret")).isEqualTo(clientSecret);
        assertThat(script(browser, "return window.mountedWith.key")).isEqualTo("pk_snd_test");
        assertThat(browser.findElements(By.xpath("//button[.='Pay (sandbox)']")))
                .isEmpty();
        screenshot(browser, "order-provider-form");
        // the provider's origin is let in by the order page's policy, and by no other page's
        String session = "veza_session="
                + browser.manage().getCookieNamed("veza_session").getValue();
        String provider = TestProviders.url().replaceFirst("/+$", "");
        assertThat(api().with("Cookie", session)
                        .get(browser.getCurrentUrl().replace(url(""), ""))
                        .header("Content-Security-Policy"))
                .contains("script-src 'self' " + provider);
        assertThat(api().with("Cookie", session).get("/tracks/" + track).header("Content-Security-Policy"))
                .doesNotContain(provider);

        button(browser, "Pay").click();
        waiting(browser).until(ExpectedConditions.urlContains("submitted=1"));
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("order"), "Payment sent"));
        String paymentId = jdbc.sql("SELECT payment_id FROM orders WHERE buyer_id = :buyer")
                .param("buyer", buyer.id())
                .query(String.class)
                .single();
        assertThat(ShopStubs.deliver(
                                api(),
                                ShopStubs.paymentEvent(
                                        "evt_" + UUID.randomUUID(),
                                        "payment_succeeded",
                                        paymentId,
                                        "succeeded",
                                        Instant.now()))
                        .status())
                .isEqualTo(200);
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("order"), "Paid"));
        assertThat(browser.findElement(By.id("order")).getText()).contains("Download Provider night");
    }
}
