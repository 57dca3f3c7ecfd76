package fr.veza.site;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.BrowserTest;
import fr.veza.support.TestMedia;
import fr.veza.support.TestUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.test.context.TestPropertySource;

/**
 * Signed media links expire (here two seconds after the track's length, instead of an hour): a listener who pauses
 * longer and then jumps ahead still hears the track from where they asked, without a restart from the beginning.
 */
@TestPropertySource(properties = "veza.platform.signed-url-ttl=2s")
class SignedUrlExpiryBrowserIntegrationTests extends BrowserTest {

    @Test
    void playbackGoesOnAfterItsLinksExpiredDuringAPause() throws InterruptedException {
        TestUser artist = register("artist");
        String track = uploadAndProcess(
                        artist, TestMedia.tone(50, "mp3"), fields("title", "long pause", "visibility", "public"))
                .field("id");
        WebDriver browser = browser();
        browser.get(url("/tracks/" + track));
        browser.findElement(By.cssSelector("main [data-play-track]")).click();
        waiting(browser).until(driver -> currentTime(driver) > 0.5);
        script(browser, "document.getElementById('player-audio').pause();");
        int mastersBefore = masterRequests(browser);

        // the links signed at the start stay valid for the track's 50 s plus 2 s
        Thread.sleep(53_000);
        script(
                browser,
                "const audio = document.getElementById('player-audio');" + " audio.currentTime = 45; audio.play();");

        waiting(browser).until(driver -> playing(driver) && currentTime(driver) > 45.5);
        assertThat(masterRequests(browser)).as("a fresh master was fetched").isGreaterThan(mastersBefore);
        assertThat(currentTime(browser)).isLessThan(51);
    }

    private static int masterRequests(WebDriver browser) {
        return ((Number) script(
                        browser,
                        "return performance.getEntriesByType('resource')"
                                + ".filter(e => e.name.includes('master.m3u8')).length;"))
                .intValue();
    }
}
