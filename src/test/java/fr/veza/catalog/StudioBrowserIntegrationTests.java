package fr.veza.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.ApiResponse;
import fr.veza.support.BrowserTest;
import fr.veza.support.TestMedia;
import fr.veza.support.TestUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The artist's studio in a real browser: an upload with its progress bar and its processing followed live, the
 * details edited, the track put on sale and paid for, the dashboard's numbers (the same as the API's), deletion with
 * its confirmation; and a takedown answered with a counter-notice.
 */
class StudioBrowserIntegrationTests extends BrowserTest {

    @Test
    void anArtistUploadsSellsIsPaidAndSeesItOnTheDashboard() throws Exception {
        TestUser artist = register();
        WebDriver browser = browser();
        signIn(browser, artist);

        // a listener becomes an artist from the upload page
        browser.get(url("/studio/upload"));
        button(browser, "Become an artist").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-form")));
        assertThat(link(browser, "Dashboard").isDisplayed()).isTrue();

        // a file that is not audio is refused in words, beside its field
        field(browser, "Audio file")
                .sendKeys(TestMedia.text("notes.mp3", "not music")
                        .toAbsolutePath()
                        .toString());
        field(browser, "Title").sendKeys("Not music");
        button(browser, "Upload").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("file-error")));
        assertThat(browser.findElement(By.id("file-error")).getText())
                .contains("Audio file is not in a format Veza can read");
        assertThat(as(artist).get("/api/v1/tracks?creator=" + artist.id()).text())
                .doesNotContain("Not music");

        // the real upload: the progress bar's reports are recorded as the script updates it
        field(browser, "Audio file")
                .sendKeys(TestMedia.tone(40, "wav").toAbsolutePath().toString());
        field(browser, "Title").clear();
        field(browser, "Title").sendKeys("Harbour Lights");
        field(browser, "Tags").sendKeys("ambient, field recording");
        inView(browser, browser.findElement(By.id("visibility-public"))).click();
        script(
                browser,
                "window.uploadReports = [];"
                        + " new MutationObserver(() => window.uploadReports.push(document.getElementById("
                        + "'upload-progress').value)).observe(document.getElementById('upload-progress'),"
                        + " {attributes: true, attributeFilter: ['data-reports']});");
        screenshot(browser, "studio-upload");
        assertThat(accessibilityViolations(browser)).isEmpty();
        button(browser, "Upload").click();
        waiting(browser).until(ExpectedConditions.urlMatches(".*/studio/tracks/[0-9a-f-]{36}$"));
        @SuppressWarnings("unchecked")
        List<Number> reports = (List<Number>) script(browser, "return window.uploadReports;");
        assertThat(reports).isNotEmpty();
        assertThat(reports.get(reports.size() - 1).intValue()).isEqualTo(100);
        UUID track = UUID.fromString(browser.getCurrentUrl().replaceAll(".*/", ""));

        // processing is followed live on the page, without reloading it
        script(browser, "window.samePage = true;");
        waiting(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("track-state"), "Ready to play."));
        assertThat(script(browser, "return window.samePage === true;")).isEqualTo(true);

        field(browser, "Title").clear();
        field(browser, "Title").sendKeys("Harbour Lights (live)");
        button(browser, "Save changes").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Saved."));
        assertThat(as(artist).get("/api/v1/tracks/" + track).field("title")).isEqualTo("Harbour Lights (live)");
        assertThat(as(artist).get("/api/v1/tracks/" + track).text()).contains("field recording");

        // a new cover: a file that is not an image is refused beside its field, an image is redrawn at once
        browser.findElement(By.id("cover-file"))
                .sendKeys(TestMedia.text("not-a-cover.png", "hello")
                        .toAbsolutePath()
                        .toString());
        button(browser, "Replace the cover").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("cover-error")));
        assertThat(browser.findElement(By.id("cover-error")).getText()).contains("JPEG, PNG or WebP");
        browser.findElement(By.id("cover-file"))
                .sendKeys(TestMedia.coverPng().toAbsolutePath().toString());
        button(browser, "Replace the cover").click();
        waiting(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("cover"), "The new cover is in place."));
        waiting(browser)
                .until(driver -> Boolean.TRUE.equals(script(
                        driver,
                        "const img = document.querySelector('#cover img.cover');"
                                + " return !!img && img.complete && img.naturalWidth === 256;")));

        // on sale: a price refused in words, then accepted; payouts set up from a button
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("selling")));
        field(browser, "Price").sendKeys("four");
        button(browser, "Put on sale").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("offer-price-error")));
        assertThat(browser.findElement(By.id("offer-price-error")).getText()).contains("4.99");
        field(browser, "Price").clear();
        field(browser, "Price").sendKeys("4.50");
        new Select(field(browser, "Currency")).selectByValue("EUR");
        button(browser, "Put on sale").click();
        waiting(browser).until(ExpectedConditions.urlContains("?offered"));
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("selling"), "On sale"));
        field(browser, "New price of the Download").clear();
        field(browser, "New price of the Download").sendKeys("4,99");
        button(browser, "Change price").click();
        waiting(browser).until(ExpectedConditions.urlContains("?repriced"));
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("payouts")));
        assertThat(as(artist).get("/api/v1/tracks/" + track).text()).contains("\"amount\":499");
        assertThat(browser.findElement(By.id("payouts")).getText()).contains("Not set up");
        screenshot(browser, "studio-track");
        assertThat(accessibilityViolations(browser)).isEmpty();
        button(browser, "Set up payouts with Stripe").click();
        waiting(browser).until(ExpectedConditions.titleContains("Selling"));
        assertThat(browser.findElement(By.id("payouts")).getText()).contains("Ready");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Harbour Lights (live)", "€4.99");

        // a listener plays it in full and buys it through its page
        TestUser listener = register();
        as(listener).post("/api/v1/tracks/" + track + "/plays", Map.of("seconds_played", 40));
        WebDriver shop = browser();
        signIn(shop, listener);
        shop.get(url("/tracks/" + track));
        button(shop, "Buy Download for €4.99").click();
        waiting(shop).until(ExpectedConditions.titleContains("Your order"));
        button(shop, "Pay (sandbox)").click();
        waiting(shop).until(ExpectedConditions.textToBePresentInElementLocated(By.id("order"), "Paid"));

        // the dashboard: the play, the sale, the payout completed, and the same numbers as the API
        link(browser, "Dashboard").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("sales")));
        waiting(browser).until(driver -> {
            if (!driver.findElement(By.id("sales")).getText().contains("Completed")) {
                driver.navigate().refresh();
                return false;
            }
            return true;
        });
        assertThat(browser.findElement(By.cssSelector(".big-number")).getText()).isEqualTo("1 play");
        assertThat(browser.findElement(By.cssSelector(".top-tracks")).getText()).contains("Harbour Lights (live)");
        assertThat(browser.findElement(By.id("sales")).getText()).contains("€4.99");
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("followers")));
        ApiResponse plays = as(artist).get("/api/v1/me/stats/plays?days=30");
        assertThat(plays.status()).isEqualTo(200);
        assertThat(plays.text()).contains("\"total\":1", "Harbour Lights (live)");
        ApiResponse sales = as(artist).get("/api/v1/sellers/me/sales?days=30");
        assertThat(sales.text()).contains("\"sales\":1", "\"gross_minor\":499", "\"status\":\"completed\"");
        assertThat(as(listener).get("/api/v1/me/stats/plays").text()).contains("\"total\":0");
        assertThat(api().get("/api/v1/me/stats/plays").status()).isEqualTo(401);
        inView(browser, browser.findElement(By.cssSelector(".chart-numbers summary")))
                .click();
        screenshot(browser, "studio-dashboard");
        assertThat(accessibilityViolations(browser)).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".plays-chart rect.bar")))
                .hasSize(30);

        // deleting asks for a confirmation that says what becomes of buyers' copies
        browser.get(url("/studio/tracks/" + track));
        assertThat(browser.findElement(By.id("delete-heading"))
                        .findElement(By.xpath(".."))
                        .getText())
                .contains("People who bought it keep their download");
        script(browser, "document.getElementById('confirm-delete').removeAttribute('required');");
        button(browser, "Delete the track").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-error")));
        assertThat(as(artist).get("/api/v1/tracks/" + track).status()).isEqualTo(200);
        inView(browser, browser.findElement(By.id("confirm-delete"))).click();
        button(browser, "Delete the track").click();
        waiting(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("main"), "The track was deleted."));
        assertThat(as(artist).get("/api/v1/tracks/" + track).status()).isEqualTo(404);
        assertThat(as(listener).bytes("/api/v1/tracks/" + track + "/original").statusCode())
                .isEqualTo(200);
    }

    @Test
    void anArtistAnswersATakedownWithACounterNoticeAndOthersCannotReachTheStudioOfTheirTracks() {
        TestUser artist = register("artist");
        TestUser admin = admin();
        UUID track = readyTrack(artist, "Disputed Tide", "public");
        String notice = fileDmcaNotice(track, "Rights Holder");
        as(admin).post("/api/v1/admin/dmca/notices/" + notice + "/takedown", null);

        WebDriver browser = browser();
        signIn(browser, artist);
        browser.get(url("/studio"));
        assertThat(browser.findElement(By.id("studio-tracks")).getText()).contains("Disputed Tide", "Taken down");
        link(browser, "Disputed Tide").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("takedown")));
        assertThat(browser.findElement(By.id("takedown")).getText()).contains("Rights Holder", "The song Tide, 2019");
        field(browser, "Your full legal name").sendKeys("Ada Artist");
        button(browser, "Send the counter-notice").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("counter-address-error")));
        assertThat(browser.findElement(By.id("counter-statement_of_good_faith_mistake-error"))
                        .getText())
                .contains("penalty of perjury");
        field(browser, "Postal address").sendKeys("2 Studio Road, Lyon");
        field(browser, "Phone").sendKeys("+33 4 00 00 00 00");
        field(browser, "Email").sendKeys("ada@example.com");
        inView(browser, browser.findElement(By.id("counter-statement_of_good_faith_mistake")))
                .click();
        inView(browser, browser.findElement(By.id("counter-consent_to_jurisdiction")))
                .click();
        field(browser, "Signature: type your full legal name").sendKeys("Ada Artist");
        screenshot(browser, "studio-takedown");
        assertThat(accessibilityViolations(browser)).isEmpty();
        button(browser, "Send the counter-notice").click();
        waiting(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("takedown"), "Counter-notice sent"));
        assertThat(as(admin).get("/api/v1/admin/dmca/notices/" + notice).field("status"))
                .isEqualTo("counter_noticed");

        // another person's track is not theirs to manage: the studio answers as if it did not exist
        TestUser other = register("artist");
        WebDriver elsewhere = browser();
        signIn(elsewhere, other);
        for (String part : List.of("", "/selling", "/takedown")) {
            elsewhere.get(url("/studio/tracks/" + track + part));
            assertThat(elsewhere.findElement(By.tagName("h1")).getText()).isEqualTo("This page does not exist");
        }
    }
}
