package fr.veza.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.support.BrowserTest;
import fr.veza.support.TestMedia;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;

/**
 * Every page of the web app, as a person with assistive technology, a phone or hostile neighbours would meet it:
 * axe-core finds no serious or critical violation, nothing scrolls sideways at 390 px, and hostile names and titles
 * show as text.
 */
class PageQualityBrowserIntegrationTests extends BrowserTest {

    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @Test
    void everyPageIsAccessibleFitsAPhoneAndShowsHostileTextAsText() {
        TestUser artist = register("artist");
        as(artist).patch("/api/v1/me", Map.of("display_name", "<script>alert(2)</script>", "bio", "bio " + HOSTILE));
        String word = "xss" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String title = word + " " + HOSTILE;
        String track = uploadAndProcess(
                        artist, TestMedia.tone(3, "mp3"), fields("title", title, "visibility", "public"))
                .field("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api().get("/api/v1/search?q=" + word)
                                .json()
                                .get("items")
                                .size()
                        == 1);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("search", "/search?q=" + word);
        pages.put("search-people", "/search?q=" + artist.username() + "&type=users");
        pages.put("track", "/tracks/" + track);
        pages.put("artist", "/@" + artist.username());
        pages.put("login", "/login");
        pages.put("signup", "/signup");
        pages.put("missing", "/no/such/page");

        for (var size : List.of(new int[] {1280, 900}, new int[] {390, 844})) {
            WebDriver browser = browser(size[0], size[1]);
            for (var page : pages.entrySet()) {
                browser.get(url(page.getValue()));
                waiting(browser)
                        .until(driver -> driver.findElement(By.id("main")).isDisplayed());
                assertNoAlert(browser);
                assertThat(accessibilityViolations(browser))
                        .as("axe on %s at %d px", page.getValue(), size[0])
                        .isEmpty();
                assertNoHorizontalScroll(browser);
                screenshot(browser, page.getKey() + "-" + size[0]);
            }
        }

        WebDriver browser = browser();
        // the home page lists whatever is newest: other tests' tracks may have pushed this one off it
        for (String path : List.of("/@" + artist.username(), "/search?q=" + word, "/tracks/" + track)) {
            browser.get(url(path));
            assertNoAlert(browser);
            assertThat(browser.findElement(By.id("main")).getText()).contains(HOSTILE);
            assertThat(browser.findElements(By.cssSelector("main img[src='x']")))
                    .isEmpty();
            assertThat(browser.findElements(By.cssSelector("main script"))).isEmpty();
        }
        assertThat(browser.findElement(By.id("main")).getText()).contains("<script>alert(2)</script>");
        assertThat(browser.getTitle()).contains(HOSTILE);
    }

    @Test
    void everySignedInPageIsAccessibleAndFitsAPhone() {
        TestUser artist = register("artist");
        as(artist).post("/api/v1/sellers/onboarding", null);
        UUID track = readyTrack(artist, "quay " + HOSTILE, "public");
        String product = offerDownload(artist, track, 250, "EUR").field("id");
        TestUser listener = register();
        as(listener).put("/api/v1/tracks/" + track + "/like", null);
        as(listener).put("/api/v1/users/" + artist.id() + "/follow", null);
        var order = as(listener)
                .with("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/marketplace/orders", Map.of("product_ids", List.of(product)));
        api().post(order.json().get("payment").get("sandbox_settle_url").asText(), null);
        String room = as(listener)
                .post("/api/v1/chat/rooms", Map.of("kind", "direct", "user_id", artist.id()))
                .field("id");
        as(artist).post("/api/v1/chat/rooms/" + room + "/messages", Map.of("body", "hello " + HOSTILE));
        String playlist = as(listener)
                .post("/api/v1/playlists", Map.of("title", "mix " + HOSTILE))
                .field("id");
        as(listener).post("/api/v1/playlists/" + playlist + "/tracks", Map.of("track_id", track));

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home-signed-in", "/");
        pages.put("feed", "/feed");
        pages.put("library", "/library");
        pages.put("likes", "/library/likes");
        pages.put("purchases", "/library/purchases");
        pages.put("following", "/library/following");
        pages.put("order", "/orders/" + order.field("id"));
        pages.put("chat", "/chat");
        pages.put("chat-room", "/chat/" + room);
        pages.put("notifications", "/notifications");
        pages.put("playlist", "/playlists/" + playlist);
        pages.put("track-bought", "/tracks/" + track);
        for (String section : List.of(
                "profile",
                "password",
                "sessions",
                "notifications",
                "api-keys",
                "music-apps",
                "webhooks",
                "gear",
                "privacy")) {
            pages.put("settings-" + section, "/settings/" + section);
        }
        for (var size : List.of(new int[] {1280, 900}, new int[] {390, 844})) {
            WebDriver browser = browser(size[0], size[1]);
            signIn(browser, listener);
            for (var page : pages.entrySet()) {
                browser.get(url(page.getValue()));
                waiting(browser)
                        .until(driver -> driver.findElement(By.id("main")).isDisplayed());
                // the parts a page loads in place (feed, library sections) are there before it is judged
                waiting(browser)
                        .until(driver -> driver.findElements(By.cssSelector("[hx-trigger=load]"))
                                .isEmpty());
                assertNoAlert(browser);
                assertThat(browser.findElements(By.cssSelector("main img[src='x']")))
                        .isEmpty();
                assertThat(accessibilityViolations(browser))
                        .as("axe on %s at %d px", page.getValue(), size[0])
                        .isEmpty();
                assertNoHorizontalScroll(browser);
                screenshot(browser, page.getKey() + "-" + size[0]);
            }
        }
    }

    @Test
    void aMissingPageIsAPageForABrowserAndAProblemForTheApi() {
        WebDriver browser = browser();
        browser.get(url("/tracks/" + UUID.randomUUID()));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This page does not exist");
        browser.get(url("/no/such/page"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This page does not exist");

        var api = api().get("/api/v1/tracks/" + UUID.randomUUID());
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.contentType()).startsWith("application/problem+json");
        var unknown = api().with("Accept", "application/json").get("/no/such/page");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    private static void assertNoAlert(WebDriver browser) {
        try {
            browser.switchTo().alert();
            throw new AssertionError("a script ran on " + browser.getCurrentUrl());
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }
}
