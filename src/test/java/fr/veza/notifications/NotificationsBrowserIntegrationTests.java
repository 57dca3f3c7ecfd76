package fr.veza.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.support.BrowserTest;
import fr.veza.support.PushReceiver;
import fr.veza.support.TestMail;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The header's unread badge and the notifications page, in a real browser. */
class NotificationsBrowserIntegrationTests extends BrowserTest {

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        TestMail.sendTo(registry);
    }

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

    @Test
    void aNewNotificationLightsTheBadgeWithoutAReloadAndDevicesAreChosenInSettings() throws Exception {
        TestUser artist = register("artist");
        PushReceiver phone = PushReceiver.generate();
        as(artist)
                .post(
                        "/api/v1/me/push-subscriptions",
                        Map.of(
                                "endpoint",
                                "https://push.example/" + UUID.randomUUID(),
                                "keys",
                                Map.of("p256dh", phone.p256dh(), "auth", phone.auth())));
        WebDriver browser = browser();
        signIn(browser, artist);
        browser.get(url("/settings/notifications"));
        waiting(browser).until(ExpectedConditions.titleContains("Notifications"));

        String section = browser.findElement(By.id("push-devices")).getText();
        assertThat(section).contains("Notifications on your devices").contains("Remove");
        assertThat(byLabel(browser, "Likes of your tracks: Push").isSelected()).isTrue();
        assertThat(accessibilityViolations(browser)).isEmpty();
        screenshot(browser, "settings-notifications-devices");

        // while the page is open, a follow arrives over the socket
        as(register()).put("/api/v1/users/" + artist.id() + "/follow", null);
        waiting(browser)
                .until(driver -> !driver.findElements(By.cssSelector("[aria-label='Notifications, 1 unread']"))
                        .isEmpty());
        assertThat(browser.findElement(By.cssSelector(".notifications-link .badge"))
                        .getText())
                .isEqualTo("1");

        byLabel(browser, "Likes of your tracks: Push").click();
        button(browser, "Save").click();
        waiting(browser).until(driver -> driver.getCurrentUrl().contains("saved"));
        assertThat(as(artist)
                        .get("/api/v1/me/push-preferences")
                        .json()
                        .path("like")
                        .asBoolean())
                .isFalse();
        assertThat(as(artist)
                        .get("/api/v1/me/push-preferences")
                        .json()
                        .path("follower")
                        .asBoolean())
                .isTrue();

        button(browser, "Remove").click();
        waiting(browser).until(driver -> driver.getCurrentUrl().contains("removed"));
        assertThat(browser.findElement(By.id("push-devices")).getText()).contains("no longer gets notifications");
        assertThat(as(artist).get("/api/v1/me/push-subscriptions").json().path("items"))
                .isEmpty();
    }

    @Test
    void anEmailAddressIsChangedFromTheProfileSettingsAndConfirmedFromTheLink() throws Exception {
        TestUser person = register();
        String newAddress = "browser-" + person.username() + "@example.org";
        WebDriver browser = browser();
        signIn(browser, person);
        browser.get(url("/settings/profile"));
        waiting(browser).until(ExpectedConditions.titleContains("Profile"));

        browser.findElement(By.cssSelector("#email-change summary")).click();
        field(browser, "New email address").sendKeys(newAddress);
        field(browser, "Your password").sendKeys("wrong password");
        button(browser, "Send the confirmation link").click();
        waiting(browser).until(driver -> driver.getCurrentUrl().contains("email-change-error"));
        assertThat(browser.findElement(By.id("email-change")).getText())
                .contains("The password does not match your account.");

        field(browser, "New email address").sendKeys(newAddress);
        field(browser, "Your password").sendKeys(person.password());
        button(browser, "Send the confirmation link").click();
        waiting(browser).until(driver -> driver.getCurrentUrl().contains("email-change-sent"));
        assertThat(browser.findElement(By.id("main")).getText()).contains("A link is on its way to the new address.");
        screenshot(browser, "settings-email-change");

        await().atMost(Duration.ofSeconds(15))
                .until(() -> !TestMail.to(newAddress, "Confirm your new email address")
                        .isEmpty());
        String link = TestMail.part(
                        TestMail.to(newAddress, "Confirm your new email address")
                                .get(0),
                        "text/plain")
                .lines()
                .filter(line -> line.contains("/confirm-email?token="))
                .findFirst()
                .orElseThrow()
                .trim();
        browser.get(url(link.substring(link.indexOf("/confirm-email"))));
        button(browser, "Confirm my new address").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("email-changed")));
        assertThat(as(person).get("/api/v1/me").field("email")).isEqualTo(newAddress);
    }
}
