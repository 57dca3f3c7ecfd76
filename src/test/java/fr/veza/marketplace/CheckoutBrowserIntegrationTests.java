package fr.veza.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.BrowserTest;
import fr.veza.support.TestMedia;
import fr.veza.support.TestUser;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Buying a track in the sandbox through its page, in a real browser, down to downloading what was bought. */
class CheckoutBrowserIntegrationTests extends BrowserTest {

    @Test
    void aListenerBuysATrackOnceWhateverTheClicksAndDownloadsIt() {
        TestUser seller = register("artist");
        as(seller).post("/api/v1/sellers/onboarding", null);
        String title = "lantern " + UUID.randomUUID().toString().substring(0, 6);
        UUID track = UUID.fromString(
                uploadAndProcess(seller, TestMedia.tone(3, "mp3"), fields("title", title, "visibility", "public"))
                        .field("id"));
        assertThat(offerDownload(seller, track, 499, "EUR").status()).isEqualTo(201);
        TestUser buyer = register();
        WebDriver browser = browser();
        signIn(browser, buyer);

        browser.get(url("/tracks/" + track));
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.className("offer")));
        assertThat(browser.findElement(By.className("offer")).getText()).contains("€4.99");
        // the form posted three times with the key it was rendered with (a double click, then a resend): one order
        script(
                browser,
                "const form = document.querySelector('form.offer');"
                        + " const send = () => fetch(form.action, {method: 'POST', body: new FormData(form),"
                        + " redirect: 'manual'});"
                        + " return Promise.all([send(), send()]).then(() => true);");
        button(browser, "Buy Download for €4.99").click();
        waiting(browser).until(ExpectedConditions.titleContains("Your order"));
        assertThat(ordersOf(buyer)).isEqualTo(1);
        assertThat(browser.findElement(By.id("order")).getText()).contains("Waiting for payment", title, "€4.99");
        screenshot(browser, "order-pending");
        assertThat(accessibilityViolations(browser)).isEmpty();

        button(browser, "Pay (sandbox)").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("order"), "Paid"));
        screenshot(browser, "order-paid");
        String download = browser.findElement(By.linkText("Download " + title)).getDomProperty("href");
        Object answer = script(
                browser,
                "return fetch(arguments[0]).then(r => r.blob().then(b => r.status + ' ' + b.size));",
                download);
        assertThat(answer.toString()).startsWith("200 ").isNotEqualTo("200 0");

        link(browser, "All my purchases").click();
        waiting(browser).until(ExpectedConditions.titleContains("Purchases"));
        assertThat(browser.findElement(By.id("purchase-list")).getText()).contains(title, "€4.99");
        browser.get(url("/tracks/" + track));
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.className("offers")));
        assertThat(browser.findElement(By.className("offers")).getText()).contains("You bought this track.");

        // within the refund window, from the purchases to the order: asked for once confirmed, settled live
        browser.get(url("/library/purchases"));
        link(browser, "Order and refund").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("refund")));
        button(browser, "Ask for a refund").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("refund-confirm-error")));
        field(browser, "Why (optional, kept with the refund)").sendKeys("bought the wrong one");
        inView(browser, browser.findElement(By.id("refund-confirm"))).click();
        screenshot(browser, "order-refund");
        assertThat(accessibilityViolations(browser)).isEmpty();
        button(browser, "Ask for a refund").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("refund"), "Under way"));
        String providerRefund = jdbc.sql(
                        "SELECT hyperswitch_refund_id FROM refunds r JOIN orders o ON o.id = r.order_id"
                                + " WHERE o.buyer_id = :buyer")
                .param("buyer", buyer.id())
                .query(String.class)
                .single();
        assertThat(api().post("/api/v1/sandbox/refunds/" + providerRefund + "/succeed", null)
                        .status())
                .isLessThan(300);
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("refund"), "Refunded"));
        assertThat(as(buyer)
                        .get("/api/v1/marketplace/purchases")
                        .json()
                        .get("items")
                        .get(0)
                        .get("revoked_at")
                        .isNull())
                .isFalse();
    }

    @Test
    void aDeclinedPaymentSaysSoAndPricesFollowTheBrowsersLanguage() {
        TestUser seller = register("artist");
        as(seller).post("/api/v1/sellers/onboarding", null);
        UUID track = readyTrack(seller, "Quai", "public");
        offerDownload(seller, track, 1250, "EUR");
        TestUser buyer = register();
        WebDriver browser = browserIn("fr-FR");
        signIn(browser, buyer);

        browser.get(url("/tracks/" + track));
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.className("offer")));
        assertThat(browser.findElement(By.className("price")).getText()).isEqualTo("12,50 €");
        inView(browser, browser.findElement(By.cssSelector("form.offer button")))
                .click();
        waiting(browser).until(ExpectedConditions.titleContains("Your order"));
        button(browser, "Decline (sandbox)").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("order"), "Payment declined"));
        assertThat(browser.findElements(By.xpath("//button[.='Pay (sandbox)']")))
                .isEmpty();
        assertThat(as(buyer).get("/api/v1/marketplace/purchases").json().get("items"))
                .isEmpty();
    }

    @Test
    void someoneElsesOrderIsNotFound() {
        TestUser seller = register("artist");
        UUID track = readyTrack(seller, "Private matter", "public");
        String product = offerDownload(seller, track, 300, "EUR").field("id");
        String order = as(register())
                .with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/marketplace/orders", java.util.Map.of("product_ids", List.of(product)))
                .field("id");
        WebDriver browser = browser();
        signIn(browser, register());
        browser.get(url("/orders/" + order));
        waiting(browser).until(ExpectedConditions.titleContains("does not exist"));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Private matter");
    }

    private int ordersOf(TestUser buyer) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE buyer_id = :buyer")
                .param("buyer", buyer.id())
                .query(Integer.class)
                .single();
    }
}
