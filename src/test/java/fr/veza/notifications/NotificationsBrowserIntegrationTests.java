package fr.veza.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.support.BrowserTest;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The header's unread badge and the notifications page, in a real browser. */
class NotificationsBrowserIntegrationTests extends BrowserTest {

    @Test
    void anArtistSeesWhoFollowedAndLikedAndMarksItAllRead() {
        TestUser artist = register("artist");
        UUID track = readyTrack(artist, "Lighthouse", "public");
        TestUser fan = register();
        as(fan).put("/api/v1/users/" + artist.id() + "/follow", null);
        as(fan).put("/api/v1/tracks/" + track + "/like", null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> as(artist)
                                .get("/api/v1/notifications/unread-count")
                                .json()
                                .get("unread_count")
                                .asLong()
                        == 2);

        WebDriver browser = browser();
        browser.get(url("/notifications"));
        waiting(browser).until(ExpectedConditions.titleContains("Sign in"));
        field(browser, "Email or username").sendKeys(artist.username());
        field(browser, "Password").sendKeys(artist.password());
        button(browser, "Sign in").click();
        waiting(browser).until(ExpectedConditions.titleContains("Notifications"));

        assertThat(byLabel(browser, "Notifications, 2 unread").isDisplayed()).isTrue();
        String page = browser.findElement(By.id("main")).getText();
        assertThat(page).contains(fan.username() + " followed you").contains(fan.username() + " liked “Lighthouse”");
        assertThat(accessibilityViolations(browser)).isEmpty();
        screenshot(browser, "notifications");

        button(browser, "Mark all read").click();
        waiting(browser)
                .until(driver -> driver.findElements(By.cssSelector(".notification.unread"))
                        .isEmpty());
        assertThat(browser.findElements(By.cssSelector(".badge"))).isEmpty();
        assertThat(as(artist)
                        .get("/api/v1/notifications/unread-count")
                        .json()
                        .get("unread_count")
                        .asLong())
                .isZero();
    }
}
