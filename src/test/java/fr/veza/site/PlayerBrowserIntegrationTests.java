package fr.veza.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.support.BrowserTest;
import fr.veza.support.TestMedia;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The player, in a real browser: it plays HLS, keeps playing across pages, and walks a queue. */
class PlayerBrowserIntegrationTests extends BrowserTest {

    @Test
    void aListenerSearchesOpensATrackPlaysItAndItKeepsPlayingAcrossPagesAndBack() {
        String word = "tide" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        List<String> titles = publish(word);
        WebDriver browser = browser();

        browser.get(url("/"));
        WebElement box = field(browser, "Search");
        box.sendKeys(word);
        waiting(browser)
                .until(driver -> driver.findElements(By.cssSelector("#search-results > li"))
                                .size()
                        == 3);
        assertThat(browser.getCurrentUrl()).contains("/search?q=" + word);
        browser.findElement(By.linkText(titles.get(0))).click();
        waiting(browser).until(ExpectedConditions.titleContains(titles.get(0)));

        browser.findElement(By.cssSelector("main [data-play-track]")).click();
        waiting(browser).until(driver -> currentTime(driver) > 1.0);
        assertThat(browser.findElement(By.id("player-title")).getText()).isEqualTo(titles.get(0));
        assertThat(byLabel(browser, "Pause").isDisplayed()).isTrue();
        screenshot(browser, "track-playing");

        double onTrackPage = currentTime(browser);
        link(browser, "Home").click();
        waiting(browser).until(ExpectedConditions.titleContains("music from independent artists"));
        double onHome = awaitLater(browser, onTrackPage);

        browser.navigate().back();
        waiting(browser).until(ExpectedConditions.titleContains(titles.get(0)));
        double back = awaitLater(browser, onHome);

        browser.navigate().forward();
        waiting(browser).until(ExpectedConditions.titleContains("music from independent artists"));
        awaitLater(browser, back);
        assertThat(playing(browser)).isTrue();
        assertThat(browser.findElements(By.id("player-audio"))).hasSize(1);
        screenshot(browser, "home-while-playing");
    }

    @Test
    void playAllQueuesResultsInOrderAndNextAndPreviousWalkTheQueue() {
        String word = "reef" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        publish(word);
        WebDriver browser = browser();
        browser.get(url("/search?q=" + word));
        List<String> shown = browser.findElements(By.cssSelector("#search-results .track-title")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(shown).hasSize(3);

        button(browser, "Play all").click();
        waiting(browser).until(driver -> currentTime(driver) > 0.2);
        assertThat(nowPlaying(browser)).isEqualTo(shown.get(0));

        button(browser, "Next").click();
        waiting(browser).until(driver -> nowPlaying(driver).equals(shown.get(1)));
        button(browser, "Next").click();
        waiting(browser).until(driver -> nowPlaying(driver).equals(shown.get(2)));
        waiting(browser).until(driver -> currentTime(driver) > 0.2);
        button(browser, "Previous").click();
        waiting(browser).until(driver -> nowPlaying(driver).equals(shown.get(1)));
        waiting(browser).until(driver -> playing(driver) && currentTime(driver) > 0.2);

        button(browser, "Queue").click();
        List<String> queue = browser.findElements(By.cssSelector("#player-queue-list .queue-name")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(queue).hasSize(3);
        assertThat(queue.get(0)).startsWith(shown.get(0));
        byLabel(browser, "Move " + shown.get(0) + " down").click();
        assertThat(browser.findElements(By.cssSelector("#player-queue-list .queue-name"))
                        .get(1)
                        .getText())
                .startsWith(shown.get(0));
        screenshot(browser, "queue");

        browser.navigate().refresh();
        waiting(browser).until(driver -> nowPlaying(driver).equals(shown.get(1)));
        assertThat(currentTime(browser)).isZero();
        button(browser, "Queue").click();
        assertThat(browser.findElements(By.cssSelector("#player-queue-list .queue-name"))
                        .get(1)
                        .getText())
                .as("the queue survives a reload")
                .startsWith(shown.get(0));
    }

    @Test
    void aSignedInListenersWebListensAreTheirs() {
        TestUser artist = register("artist");
        String track = uploadAndProcess(
                        artist, TestMedia.tone(3, "mp3"), fields("title", "short one", "visibility", "public"))
                .field("id");
        TestUser listener = register();
        WebDriver browser = browser();
        signIn(browser, listener);
        browser.get(url("/tracks/" + track));
        browser.findElement(By.cssSelector("main [data-play-track]")).click();
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        jdbc.sql("SELECT count(*) FROM playback_history WHERE track_id = :track AND user_id = :user")
                                        .param("track", UUID.fromString(track))
                                        .param("user", listener.id())
                                        .query(Integer.class)
                                        .single()
                                == 1);
        assertThat(as(artist)
                        .get("/api/v1/tracks/" + track)
                        .json()
                        .get("play_count")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void eachTracksGainIsAppliedThroughWebAudioAndTheDevicesSettingTurnsItOff() {
        TestUser artist = register("artist");
        var quiet = uploadAndProcess(
                artist, TestMedia.sine(-33, 2, 30, "flac"), fields("title", "whisper", "visibility", "public"));
        var loud = uploadAndProcess(
                artist, TestMedia.sine(-6, 2, 30, "flac"), fields("title", "blast", "visibility", "public"));
        double quietGain = quiet.json().path("loudness").path("track_gain_db").asDouble();
        double loudGain = loud.json().path("loudness").path("track_gain_db").asDouble();
        assertThat(quietGain).isGreaterThan(10);
        assertThat(loudGain).isLessThan(-10);
        WebDriver browser = browser();

        browser.get(url("/tracks/" + quiet.field("id")));
        browser.findElement(By.cssSelector("main [data-play-track]")).click();
        waiting(browser).until(driver -> currentTime(driver) > 0.5);
        waiting(browser).until(driver -> Math.abs(gainNode(driver) - Math.pow(10, quietGain / 20)) < 0.01);
        assertThat(Double.parseDouble(browser.findElement(By.id("player-audio")).getAttribute("data-gain-db")))
                .isCloseTo(quietGain, org.assertj.core.api.Assertions.within(0.01));

        button(browser, "Queue").click();
        WebElement normalise = field(browser, "Normalise loudness");
        assertThat(normalise.isSelected()).as("on by default").isTrue();
        normalise.click();
        waiting(browser).until(driver -> Math.abs(gainNode(driver) - 1.0) < 0.001);
        screenshot(browser, "player-normalise-off");

        browser.navigate().refresh();
        button(browser, "Queue").click();
        assertThat(field(browser, "Normalise loudness").isSelected())
                .as("the choice is this device's, kept")
                .isFalse();
        field(browser, "Normalise loudness").click();

        browser.get(url("/tracks/" + loud.field("id")));
        browser.findElement(By.cssSelector("main [data-play-track]")).click();
        waiting(browser).until(driver -> currentTime(driver) > 0.5);
        waiting(browser).until(driver -> Math.abs(gainNode(driver) - Math.pow(10, loudGain / 20)) < 0.001);
        assertThat(playing(browser)).isTrue();
    }

    @Test
    void aListenerWhoChoosesLosslessHearsALosslessUploadLosslesslyAndSeeksInIt() {
        TestUser artist = register("artist");
        var track = uploadAndProcess(
                artist, TestMedia.lossless(24, 48000, "flac"), fields("title", "hi-res", "visibility", "public"));
        assertThat(track.field("status")).isEqualTo("ready");
        WebDriver browser = browser();
        browser.get(url("/tracks/" + track.field("id")));
        button(browser, "Queue").click();
        WebElement lossless = field(browser, "Lossless");
        assertThat(lossless.isDisplayed())
                .as("this browser plays FLAC in fragmented MP4")
                .isTrue();
        assertThat(lossless.isSelected()).as("off unless chosen").isFalse();
        lossless.click();
        screenshot(browser, "player-settings");

        browser.findElement(By.cssSelector("main [data-play-track]")).click();
        waiting(browser).until(driver -> currentTime(driver) > 0.5);
        assertThat(rendition(browser)).isEqualTo("lossless");
        script(browser, "document.getElementById('player-audio').currentTime = 7;");
        waiting(browser).until(driver -> currentTime(driver) > 7.3);
        assertThat(playing(browser)).as("it plays on after the seek").isTrue();

        // back to AAC from where it was, and the choice is remembered on this device
        field(browser, "Lossless").click();
        waiting(browser).until(driver -> "aac".equals(rendition(driver)));
        waiting(browser).until(driver -> currentTime(driver) > 7.5 && playing(driver));
        field(browser, "Lossless").click();
        browser.navigate().refresh();
        button(browser, "Queue").click();
        assertThat(field(browser, "Lossless").isSelected()).isTrue();
    }

    private static String rendition(WebDriver browser) {
        return browser.findElement(By.id("player-audio")).getDomAttribute("data-rendition");
    }

    /** The value of the player's Web Audio gain node, 1 before it is made. */
    private static double gainNode(WebDriver browser) {
        Object value = script(
                browser,
                "const audio = document.getElementById('player-audio');"
                        + " return audio.vezaGain ? audio.vezaGain.gain.value : 1;");
        return ((Number) value).doubleValue();
    }

    private List<String> publish(String word) {
        TestUser artist = register("artist");
        List<String> titles = List.of(word + " one", word + " two", word + " three");
        for (String title : titles) {
            var track =
                    uploadAndProcess(artist, TestMedia.tone(40, "mp3"), fields("title", title, "visibility", "public"));
            assertThat(track.field("status")).isEqualTo("ready");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api().get("/api/v1/search?q=" + word)
                                .json()
                                .get("items")
                                .size()
                        == 3);
        return titles;
    }

    private static String nowPlaying(WebDriver browser) {
        return browser.findElement(By.id("player-title")).getText();
    }

    /** Waits until the audio is further than {@code before}: it went on playing, never restarted. */
    private static double awaitLater(WebDriver browser, double before) {
        waiting(browser).until(driver -> currentTime(driver) > before + 0.3);
        assertThat(playing(browser)).isTrue();
        return currentTime(browser);
    }
}
