package fr.veza.social;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.BrowserTest;
import fr.veza.support.TestMedia;
import fr.veza.support.TestUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Liking, commenting and following through the pages, in a real browser. */
class SocialBrowserIntegrationTests extends BrowserTest {

    private static final String HOSTILE = "<img src=x onerror=alert(1)> nice";

    @Test
    void aListenerLikesCommentsAndFollowsTheArtistAndHostileCommentsStayText() {
        TestUser artist = register("artist");
        String title = "harbour " + UUID.randomUUID().toString().substring(0, 6);
        String track = uploadAndProcess(
                        artist, TestMedia.tone(3, "mp3"), fields("title", title, "visibility", "public"))
                .field("id");
        WebDriver browser = browser();
        signUp(browser);

        browser.get(url("/tracks/" + track));
        button(browser, "Like").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[.='Liked']")));
        assertThat(browser.findElement(By.xpath("//button[.='Liked']")).getDomAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.className("track-facts")).getText()).contains("1 like");
        button(browser, "Repost").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[.='Reposted']")));
        assertThat(browser.findElement(By.className("track-facts")).getText()).contains("1 repost");
        assertThat(as(artist)
                        .get("/api/v1/tracks/" + track + "/likes")
                        .json()
                        .get("like_count")
                        .asLong())
                .isEqualTo(1);

        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-body")));
        field(browser, "Your comment").sendKeys(HOSTILE);
        button(browser, "Post comment").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.className("comment-body")));
        assertThat(browser.findElement(By.className("track-facts")).getText()).contains("1 comment");
        assertThat(browser.findElement(By.className("comment-body")).getText()).isEqualTo(HOSTILE);
        assertThat(browser.findElements(By.cssSelector("main img[src='x']"))).isEmpty();
        screenshot(browser, "track-social");
        button(browser, "Delete my comment").click();
        waiting(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//*[.='No comments yet. Be the first.']")));

        as(artist)
                .upload("PUT", "/api/v1/me/avatar", java.util.Map.of("file", TestMedia.coverPng()), java.util.Map.of());
        as(artist)
                .upload("PUT", "/api/v1/me/banner", java.util.Map.of("file", TestMedia.coverPng()), java.util.Map.of());
        link(browser, "by " + artist.username()).click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("artist-tracks")));
        // the avatar and the banner load under the page's policy (their own origin's images only)
        waiting(browser).until(driver -> (Boolean) script(
                driver,
                "return [...document.querySelectorAll('img.avatar, img.banner')]"
                        + ".filter(i => i.complete && i.naturalWidth > 0).length === 2"));
        assertThat(browser.findElement(By.cssSelector("img.avatar")).getDomAttribute("alt"))
                .isEqualTo("Picture of " + artist.username());
        assertThat(browser.findElement(By.id("artist-tracks")).getText()).contains(title);
        button(browser, "Follow").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[.='Unfollow']")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("1 follower");
        screenshot(browser, "artist-followed");
        assertThat(accessibilityViolations(browser)).isEmpty();
        button(browser, "Unfollow").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[.='Follow']")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("no followers");
    }

    @Test
    void aVisitorIsAskedToSignInAndComesBack() {
        TestUser artist = register("artist");
        WebDriver browser = browser();
        browser.get(url("/@" + artist.username()));
        link(browser, "Sign in to follow").click();
        waiting(browser).until(ExpectedConditions.titleContains("Sign in"));
        assertThat(browser.getCurrentUrl()).contains("next=");
        TestUser listener = register();
        field(browser, "Email or username").sendKeys(listener.username());
        field(browser, "Password").sendKeys(listener.password());
        button(browser, "Sign in").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[.='Follow']")));
        assertThat(browser.getCurrentUrl()).endsWith("/@" + artist.username());
    }

    private void signUp(WebDriver browser) {
        String name = "fan" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        browser.get(url("/signup"));
        field(browser, "Email").sendKeys(name + "@example.com");
        field(browser, "Username").sendKeys(name);
        field(browser, "Password").sendKeys("morning light over water");
        button(browser, "Create account").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.className("me")));
    }
}
