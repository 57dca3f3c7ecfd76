package fr.veza.legal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.BrowserTest;
import fr.veza.support.TestUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Filing a copyright notice from a track's "Report" link, in a real browser. */
class DmcaBrowserIntegrationTests extends BrowserTest {

    @Test
    void aBadNoticeShowsItsFieldErrorsAndAGoodOneGetsAReference() {
        TestUser artist = register("artist");
        UUID track = readyTrack(artist, "Borrowed melody", "public");
        int before = jdbc.sql("SELECT count(*) FROM dmca_notices")
                .query(Integer.class)
                .single();
        WebDriver browser = browser();

        browser.get(url("/tracks/" + track));
        link(browser, "Report a copyright infringement").click();
        waiting(browser).until(ExpectedConditions.titleContains("DMCA"));
        assertThat(field(browser, "The Veza track (its id, filled in when you came from the track)")
                        .getDomProperty("value"))
                .isEqualTo(track.toString());
        field(browser, "Your full name").sendKeys("Ada Claimant");
        button(browser, "Send the notice").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("claimant_email-error")));
        assertThat(browser.findElement(By.id("accuracy_statement-error")).getText())
                .contains("penalty of perjury");
        assertThat(field(browser, "Your full name").getDomProperty("value")).isEqualTo("Ada Claimant");
        assertThat(jdbc.sql("SELECT count(*) FROM dmca_notices")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
        assertThat(accessibilityViolations(browser)).isEmpty();
        screenshot(browser, "dmca-errors");

        field(browser, "Postal address").sendKeys("1 Rue des Lilas, Lyon");
        field(browser, "Email").sendKeys("ada@example.com");
        field(browser, "Phone").sendKeys("+33 4 00 00 00 00");
        field(browser, "The copyrighted work you say is infringed").sendKeys("My song Lilas (2021)");
        inView(browser, browser.findElement(By.id("good_faith_statement"))).click();
        inView(browser, browser.findElement(By.id("accuracy_statement"))).click();
        field(browser, "Signature: type your full name").sendKeys("Ada Claimant");
        button(browser, "Send the notice").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.className("notice-filed")));
        assertThat(browser.findElement(By.className("notice-filed")).getText()).containsPattern("DMCA-\\d{4}-");
        assertThat(jdbc.sql("SELECT count(*) FROM dmca_notices WHERE track_id = :track")
                        .param("track", track)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }
}
