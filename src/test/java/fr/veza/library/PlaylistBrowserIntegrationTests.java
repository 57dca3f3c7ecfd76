package fr.veza.library;

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
import org.openqa.selenium.support.ui.Select;

/** Making a playlist from track pages and putting it in order, in a real browser. */
class PlaylistBrowserIntegrationTests extends BrowserTest {

    @Test
    void aListenerAddsTracksToANewPlaylistAndReordersIt() {
        TestUser artist = register("artist");
        String first = "dune " + UUID.randomUUID().toString().substring(0, 6);
        String second = "tide " + UUID.randomUUID().toString().substring(0, 6);
        String one = uploadAndProcess(artist, TestMedia.tone(3, "mp3"), fields("title", first, "visibility", "public"))
                .field("id");
        String two = uploadAndProcess(artist, TestMedia.tone(3, "mp3"), fields("title", second, "visibility", "public"))
                .field("id");
        TestUser listener = register();
        WebDriver browser = browser();
        browser.get(url("/login"));
        field(browser, "Email or username").sendKeys(listener.username());
        field(browser, "Password").sendKeys(listener.password());
        button(browser, "Sign in").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.className("me")));

        browser.get(url("/tracks/" + one));
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("add-new-playlist")));
        field(browser, "Or to a new playlist").sendKeys("Evening mix");
        inView(browser, browser.findElement(By.cssSelector("#add-to-playlist form:last-child button")))
                .click();
        waiting(browser).until(ExpectedConditions.titleContains("Evening mix"));
        assertThat(titles(browser)).containsExactly(first);

        browser.get(url("/tracks/" + two));
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("add-playlist")));
        new Select(field(browser, "Add to playlist")).selectByVisibleText("Evening mix");
        // the answer is this same track page again: wait until it has replaced the one the form was on
        var before = browser.findElement(By.id("main"));
        button(browser, "Add").click();
        waiting(browser).until(ExpectedConditions.stalenessOf(before));
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("track-social")));

        link(browser, "Library").click();
        waiting(browser).until(ExpectedConditions.titleContains("Library"));
        link(browser, "Evening mix").click();
        waiting(browser).until(ExpectedConditions.titleContains("Evening mix"));
        assertThat(titles(browser)).containsExactly(first, second);
        byLabel(browser, "Move " + second + " up").click();
        waiting(browser).until(driver -> titles(driver).equals(List.of(second, first)));
        assertThat(accessibilityViolations(browser)).isEmpty();
        screenshot(browser, "playlist");

        var api =
                as(listener).get("/api/v1/playlists/" + browser.getCurrentUrl().replaceAll(".*/playlists/", ""));
        assertThat(api.json().get("tracks").get(0).get("track").get("id").asText())
                .isEqualTo(two);
    }

    @SuppressWarnings("unchecked")
    private static List<String> titles(WebDriver browser) {
        // read in one go: the list may be swapped for the next page between two reads
        return (List<String>)
                script(
                        browser,
                        "return [...document.querySelectorAll('#playlist-tracks .track-title')].map(t => t.textContent.trim());");
    }
}
