package fr.veza.developer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fr.veza.support.BrowserTest;
import fr.veza.support.TestUser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Two settings sections in a real browser: webhook endpoints (added with their secret shown once, a test event
 * delivered to a real receiver and seen in the delivery log, disabled and enabled, deleted) and gear (an item
 * added, a warranty ending soon highlighted, a bad date refused beside its field, an item edited and removed).
 */
class WebhookAndGearBrowserIntegrationTests extends BrowserTest {

    private HttpServer receiver;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            events.add(exchange.getRequestHeaders().getFirst("Veza-Event"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aPersonAddsAWebhookSendsItATestAndSeesTheDelivery() {
        TestUser person = register("artist");
        WebDriver browser = browser();
        signIn(browser, person);
        link(browser, "Settings").click();
        waiting(browser).until(ExpectedConditions.titleContains("Profile"));
        link(browser, "Webhooks").click();
        waiting(browser).until(ExpectedConditions.titleContains("Webhooks"));

        field(browser, "Endpoint URL").sendKeys("ftp://nowhere");
        button(browser, "Add endpoint").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("url-error")));
        assertThat(browser.findElement(By.id("url-error")).getText()).startsWith("Endpoint URL");
        field(browser, "Endpoint URL").clear();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        field(browser, "Endpoint URL").sendKeys(hook);
        button(browser, "Add endpoint").click();
        String secret = waiting(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("new-secret")))
                .getText();
        assertThat(secret).startsWith("whsec_");
        screenshot(browser, "settings-webhooks");
        assertThat(accessibilityViolations(browser)).isEmpty();
        browser.get(url("/settings/webhooks"));
        assertThat(browser.getPageSource()).as("shown once").doesNotContain(secret);

        link(browser, hook).click();
        waiting(browser).until(ExpectedConditions.titleContains("Webhook endpoint"));
        button(browser, "Send a test event").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("deliveries"), "Delivered"));
        assertThat(events).contains("webhook.test");
        assertThat(browser.findElement(By.id("deliveries")).getText()).contains("webhook.test", "HTTP 204");
        assertThat(accessibilityViolations(browser)).isEmpty();

        button(browser, "Disable").click();
        waiting(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("endpoint-status"), "Disabled"));
        assertThat(browser.findElements(By.xpath("//button[normalize-space(.)='Send a test event']")))
                .isEmpty();
        assertThat(as(person)
                        .get("/api/v1/developer/webhooks")
                        .json()
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("disabled");
        button(browser, "Enable").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("endpoint-status"), "Active"));
        button(browser, "Delete the endpoint").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "is deleted"));
        assertThat(as(person).get("/api/v1/developer/webhooks").json()).isEmpty();
    }

    @Test
    void aPersonKeepsTheirGearAndSeesAWarrantyEndingSoon() {
        TestUser person = register("listener");
        WebDriver browser = browser();
        signIn(browser, person);
        browser.get(url("/settings/profile"));
        link(browser, "Gear").click();
        waiting(browser).until(ExpectedConditions.titleContains("Gear"));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        field(browser, "Name").sendKeys("Field recorder");
        field(browser, "Brand").sendKeys("Zoom");
        field(browser, "Price paid").sendKeys("not money");
        button(browser, "Add item").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("gear-price-error")));
        assertThat(browser.findElement(By.id("gear-price-error")).getText()).startsWith("Price paid");
        assertThat(field(browser, "Name").getDomProperty("value")).isEqualTo("Field recorder");
        field(browser, "Price paid").clear();
        field(browser, "Price paid").sendKeys("249,90");
        typeDate(browser, "gear-purchase_date", today.minusYears(1));
        typeDate(browser, "gear-warranty_end", today.plusDays(10));
        button(browser, "Add item").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("gear-list")));
        assertThat(browser.findElement(By.cssSelector("#gear-list tr.highlight"))
                        .getText())
                .contains("Field recorder", "Zoom", "ends in 10 days");
        assertThat(as(person)
                        .get("/api/v1/gear")
                        .json()
                        .get("items")
                        .get(0)
                        .get("purchase_price")
                        .get("amount")
                        .asLong())
                .isEqualTo(24990);
        screenshot(browser, "settings-gear");
        assertThat(accessibilityViolations(browser)).isEmpty();

        link(browser, "Field recorder").click();
        waiting(browser).until(ExpectedConditions.titleContains("Field recorder"));
        assertThat(accessibilityViolations(browser)).isEmpty();
        typeDate(browser, "gear-warranty_end", today.minusYears(2));
        button(browser, "Save").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("gear-warranty_end-error")));
        assertThat(browser.findElement(By.id("gear-warranty_end-error")).getText())
                .contains("before the purchase date");
        typeDate(browser, "gear-warranty_end", today.plusYears(2));
        button(browser, "Save").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Saved."));
        browser.get(url("/settings/gear"));
        assertThat(browser.findElements(By.cssSelector("#gear-list tr.highlight")))
                .isEmpty();
        assertThat(browser.findElement(By.id("gear-list")).getText()).contains("until " + today.plusYears(2));

        link(browser, "Field recorder").click();
        waiting(browser).until(ExpectedConditions.titleContains("Field recorder"));
        button(browser, "Remove the item").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "is removed"));
        assertThat(as(person).get("/api/v1/gear").json().get("items")).isEmpty();
    }

    /** Sets a date field as its picker would: the value and the events a page listens to. */
    private static void typeDate(WebDriver browser, String id, LocalDate date) {
        script(
                browser,
                "const f = document.getElementById(arguments[0]); f.value = arguments[1];"
                        + " f.dispatchEvent(new Event('input', {bubbles: true}));"
                        + " f.dispatchEvent(new Event('change', {bubbles: true}));",
                id,
                date.toString());
    }
}
