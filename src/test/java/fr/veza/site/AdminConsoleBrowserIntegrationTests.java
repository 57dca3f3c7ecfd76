package fr.veza.site;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.BrowserTest;
import fr.veza.support.TestSales;
import fr.veza.support.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin console in a real browser: a filed notice taken down from the DMCA queue, the artist's counter-notice
 * seen there, a court action recorded; an account found, suspended and reinstated with its strike shown; a failed
 * payout retried and a reconciliation run; the webhook log filtered; the workers listed. Every decision asks for a
 * ticked box first and lands in the audit trail. A listener gets the 403 page, and a decision posted without the
 * CSRF token changes nothing.
 */
class AdminConsoleBrowserIntegrationTests extends BrowserTest {

    @Test
    void anAdminTakesATrackDownFromTheQueueAndSeesTheArtistsCounterNoticeThere() {
        TestUser artist = register("artist");
        UUID track = readyTrack(artist, "Borrowed Tide", "public");
        String notice = fileDmcaNotice(track, "Label Rights Ltd");

        WebDriver browser = browser();
        signInByEmail(browser, admin());
        link(browser, "Admin").click();
        waiting(browser).until(ExpectedConditions.titleContains("DMCA"));
        String reference =
                as(admin()).get("/api/v1/admin/dmca/notices/" + notice).field("reference");
        assertThat(browser.findElement(By.id("notice-list")).getText()).contains(reference, "Label Rights Ltd");
        link(browser, reference).click();
        waiting(browser).until(ExpectedConditions.titleContains(reference));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains(
                        "1 Label Street, Paris",
                        "+33 1 23 45 67 89",
                        "The song Tide, 2019",
                        "Borrowed Tide",
                        "@" + artist.username());

        button(browser, "Take the track down").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-takedown-error")));
        assertThat(as(artist).get("/api/v1/tracks/" + track).field("taken_down_at"))
                .as("nothing happens unconfirmed")
                .isNull();
        inView(browser, browser.findElement(By.id("confirm-takedown"))).click();
        button(browser, "Take the track down").click();
        waiting(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice-status"), "Taken down"));
        assertThat(browser.findElement(By.id("audit-trail")).getText()).contains("dmca.takedown", "@root");
        assertThat(as(artist).get("/api/v1/tracks/" + track).field("taken_down_at"))
                .isNotNull();

        // the artist answers from the studio
        WebDriver studio = browser();
        signIn(studio, artist);
        studio.get(url("/studio/tracks/" + track));
        waiting(studio).until(ExpectedConditions.visibilityOfElementLocated(By.id("takedown")));
        field(studio, "Your full legal name").sendKeys("Ada Artist");
        field(studio, "Postal address").sendKeys("2 Studio Road, Lyon");
        field(studio, "Phone").sendKeys("+33 4 00 00 00 00");
        field(studio, "Email").sendKeys("ada@example.com");
        inView(studio, studio.findElement(By.id("counter-statement_of_good_faith_mistake")))
                .click();
        inView(studio, studio.findElement(By.id("counter-consent_to_jurisdiction")))
                .click();
        field(studio, "Signature: type your full legal name").sendKeys("Ada Artist");
        button(studio, "Send the counter-notice").click();
        waiting(studio)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("takedown"), "Counter-notice sent"));

        // the admin finds it under its status and records the claimant's court action
        browser.get(url("/admin/dmca"));
        link(browser, "Counter-noticed (" + countOf("counter_noticed") + ")").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice-list"), reference));
        link(browser, reference).click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("counter-notice")));
        assertThat(browser.findElement(By.id("counter-notice")).getText())
                .contains("Ada Artist", "2 Studio Road, Lyon", "ada@example.com");
        inView(browser, browser.findElement(By.id("confirm-court-action"))).click();
        screenshot(browser, "admin-dmca-notice");
        assertThat(accessibilityViolations(browser)).isEmpty();
        button(browser, "Record the court action").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "stays down"));
        assertThat(browser.findElement(By.id("audit-trail")).getText())
                .contains("dmca.notice_received", "dmca.takedown", "dmca.counter_notice", "dmca.court_action");
        assertThat(as(admin()).get("/api/v1/admin/dmca/notices/" + notice).field("court_action_at"))
                .isNotNull();
        browser.get(url("/admin/dmca?status=all"));
        assertThat(accessibilityViolations(browser)).isEmpty();
    }

    @Test
    void anAdminSuspendsAndReinstatesAnAccountRetriesAPayoutAndReadsTheLogsAndWorkers() throws Exception {
        TestUser artist = register("artist");
        TestUser buyer = register("listener");
        UUID track = readyTrack(artist, "Paid Tide", "public");
        UUID order = TestSales.paidOrder(jdbc, artist.id(), buyer.id(), track);
        jdbc.sql("UPDATE seller_transfers SET status = 'permanently_failed', last_error = 'card_declined'"
                        + " WHERE order_id = :order")
                .param("order", order)
                .update();
        // an unsigned delivery, as a probe would send it
        assertThat(api().post("/api/v1/webhooks/hyperswitch", Map.of("event_type", "payment_succeeded"))
                        .status())
                .isEqualTo(401);

        WebDriver browser = browser();
        signInByEmail(browser, admin());
        browser.get(url("/admin"));
        waiting(browser).until(ExpectedConditions.titleContains("DMCA"));
        link(browser, "Users").click();
        waiting(browser).until(ExpectedConditions.titleContains("Users"));
        field(browser, "Username, email or name").sendKeys(artist.username());
        button(browser, "Find").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-list"), artist.email()));
        link(browser, "@" + artist.username()).click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("strikes")));
        assertThat(browser.findElement(By.id("strikes")).getText()).contains("No strikes");
        assertThat(accessibilityViolations(browser)).isEmpty();

        button(browser, "Suspend the account").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("suspend-reason-error")));
        field(browser, "Reason, kept in the audit trail").sendKeys("spam in comments");
        inView(browser, browser.findElement(By.id("confirm-suspend"))).click();
        button(browser, "Suspend the account").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-status"), "Suspended"));
        assertThat(jdbc.sql("SELECT status FROM users WHERE id = :id")
                        .param("id", artist.id())
                        .query(String.class)
                        .single())
                .isEqualTo("suspended");
        inView(browser, browser.findElement(By.id("confirm-reinstate"))).click();
        button(browser, "Reinstate the account").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-status"), "Active"));
        assertThat(browser.findElement(By.id("audit-trail")).getText())
                .contains("user.suspended", "reason: spam in comments", "user.reinstated");
        new Select(field(browser, "New role")).selectByVisibleText("Listener");
        inView(browser, browser.findElement(By.id("confirm-role"))).click();
        button(browser, "Change the role").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-role"), "Listener"));

        // money: the failed payout is retried, a reconciliation pass says what it did
        link(browser, "Money").click();
        waiting(browser).until(ExpectedConditions.titleContains("Money"));
        link(browser, "Failed").click();
        waiting(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("transfer-list"), "card_declined"));
        String transfer = jdbc.sql("SELECT id FROM seller_transfers WHERE order_id = :order")
                .param("order", order)
                .query(UUID.class)
                .single()
                .toString();
        inView(browser, browser.findElement(By.id("confirm-retry-" + transfer))).click();
        screenshot(browser, "admin-money");
        assertThat(accessibilityViolations(browser)).isEmpty();
        inView(browser, browser.findElement(By.xpath("//form[contains(@action, '" + transfer + "')]//button")))
                .click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Retried"));
        assertThat(jdbc.sql("SELECT status FROM seller_transfers WHERE id = CAST(:id AS uuid)")
                        .param("id", transfer)
                        .query(String.class)
                        .single())
                .isNotEqualTo("permanently_failed");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_logs WHERE action = 'transfer.retried'"
                                + " AND target_id = CAST(:id AS uuid)")
                        .param("id", transfer)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        inView(browser, browser.findElement(By.id("confirm-reconcile"))).click();
        button(browser, "Reconcile now").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("reconcile-result")));
        assertThat(browser.findElement(By.id("reconcile-result")).getText()).startsWith("Reconciliation done");

        link(browser, "Hyperswitch webhook log").click();
        waiting(browser).until(ExpectedConditions.titleContains("webhook log"));
        new Select(field(browser, "Signature")).selectByVisibleText("Invalid");
        button(browser, "Filter").click();
        waiting(browser).until(ExpectedConditions.urlContains("signature=invalid"));
        assertThat(browser.findElement(By.id("webhook-log")).getText()).contains("signature_invalid");
        assertThat(browser.findElements(By.cssSelector("#webhook-log tbody tr td:nth-child(3)")))
                .isNotEmpty()
                .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("Invalid"));
        assertThat(accessibilityViolations(browser)).isEmpty();

        link(browser, "Workers").click();
        waiting(browser).until(ExpectedConditions.titleContains("Workers"));
        assertThat(browser.findElement(By.id("worker-list")).getText()).contains("dmca-restoration", "transfer-retry");
        assertThat(accessibilityViolations(browser)).isEmpty();
        inView(browser, byLabel(browser, "Run session-cleanup now")).click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("worker-ran")));
        assertThat(browser.findElement(By.id("worker-ran")).getText()).startsWith("session-cleanup ran:");
        assertThat(browser.findElement(By.id("worker-session-cleanup")).getText())
                .contains("OK:");
        screenshot(browser, "admin-workers");
    }

    @Test
    void aListenerGetsTheForbiddenPageAndADecisionWithoutItsTokenChangesNothing() throws Exception {
        TestUser listener = register("listener");
        WebDriver browser = browser();
        signIn(browser, listener);
        assertThat(browser.findElements(By.xpath("//a[normalize-space(.)='Admin']")))
                .isEmpty();
        for (String path : new String[] {"/admin", "/admin/dmca", "/admin/users", "/admin/money", "/admin/workers"}) {
            browser.get(url(path));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You cannot open this page");
        }
        String cookie = browser.manage().getCookieNamed("veza_session").getValue();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(url("/admin/users")))
                        .header("Cookie", "veza_session=" + cookie)
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));

        // an admin's own browser session, but a form posted from elsewhere without the CSRF token
        TestUser artist = register("artist");
        String notice = fileDmcaNotice(readyTrack(artist, "Guarded Tide", "public"), "Label Rights Ltd");
        WebDriver admin = browser();
        signInByEmail(admin, admin());
        String adminCookie = admin.manage().getCookieNamed("veza_session").getValue();
        HttpResponse<String> forged = http.send(
                HttpRequest.newBuilder(URI.create(url("/admin/dmca/" + notice + "/takedown")))
                        .header("Cookie", "veza_session=" + adminCookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("confirm=true"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(as(admin()).get("/api/v1/admin/dmca/notices/" + notice).field("status"))
                .isEqualTo("received");
        // and a visitor is asked to sign in
        WebDriver visitor = browser();
        visitor.get(url("/admin/dmca"));
        waiting(visitor).until(ExpectedConditions.urlContains("/login?next="));
    }

    private int countOf(String status) {
        return jdbc.sql("SELECT count(*) FROM dmca_notices WHERE status = :status")
                .param("status", status)
                .query(Integer.class)
                .single();
    }

    private void signInByEmail(WebDriver browser, TestUser user) {
        browser.get(url("/login"));
        field(browser, "Email or username").sendKeys(user.email());
        field(browser, "Password").sendKeys(user.password());
        button(browser, "Sign in").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.className("me")));
    }
}
