package fr.veza.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.ApiResponse;
import fr.veza.support.BrowserTest;
import fr.veza.support.TestMedia;
import fr.veza.support.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person's settings in a real browser: the profile and its avatar, credentials shown once and working at once
 * (an API key on the API, an app password on /rest), the password change that signs other browsers out, a data
 * export downloaded as a ZIP, and an account closed and brought back from the sign-in page.
 */
class SettingsBrowserIntegrationTests extends BrowserTest {

    @Autowired
    List<PeriodicWorker> workers;

    @Test
    void aPersonEditsTheirProfileAndHandsOutCredentialsThatWorkUntilRevoked() throws Exception {
        TestUser person = register();
        WebDriver browser = browser();
        signIn(browser, person);

        link(browser, "Settings").click();
        waiting(browser).until(ExpectedConditions.titleContains("Profile"));
        field(browser, "Display name").clear();
        field(browser, "Display name").sendKeys("Nina Moss");
        field(browser, "Bio").sendKeys("Field recordings & <b>tape loops</b>");
        field(browser, "Website").sendKeys("not a link");
        button(browser, "Save profile").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("website-error")));
        assertThat(browser.findElement(By.id("website-error")).getText()).contains("Website");
        assertThat(field(browser, "Bio").getDomProperty("value")).contains("tape loops");
        field(browser, "Website").clear();
        field(browser, "Website").sendKeys("https://nina.example");
        button(browser, "Save profile").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Saved."));
        assertThat(as(person).get("/api/v1/me").field("display_name")).isEqualTo("Nina Moss");
        assertThat(browser.findElement(By.className("me")).getText()).isEqualTo("Nina Moss");

        browser.findElement(By.id("avatar-file"))
                .sendKeys(TestMedia.coverPng().toAbsolutePath().toString());
        button(browser, "Upload").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("img.avatar")));
        assertThat(as(person).get("/api/v1/me").field("avatar_url")).startsWith("/api/v1/users/" + person.id());
        browser.findElement(By.id("banner-file"))
                .sendKeys(TestMedia.text("not-an-image.png", "hello")
                        .toAbsolutePath()
                        .toString());
        inView(
                        browser,
                        browser.findElements(By.xpath("//button[normalize-space(.)='Upload']"))
                                .get(1))
                .click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("banner-error")));
        screenshot(browser, "settings-profile");
        assertThat(accessibilityViolations(browser)).isEmpty();

        // an API key: shown once, works on the API at once, stops when revoked
        link(browser, "API keys").click();
        waiting(browser).until(ExpectedConditions.titleContains("API keys"));
        field(browser, "Name").sendKeys("backup script");
        button(browser, "Create key").click();
        String key = waiting(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("new-secret")))
                .getText();
        assertThat(key).startsWith("vza_");
        screenshot(browser, "settings-api-key-created");
        assertThat(accessibilityViolations(browser)).isEmpty();
        assertThat(api().with("X-API-Key", key).get("/api/v1/me").field("username"))
                .isEqualTo(person.username());
        browser.get(url("/settings/api-keys"));
        assertThat(browser.findElements(By.id("new-secret"))).as("shown once").isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(key);
        button(browser, "Revoke the key backup script").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "revoked"));
        assertThat(api().with("X-API-Key", key).get("/api/v1/me").status()).isEqualTo(401);

        // an app password for a music app: the page says what to type, and /rest takes it
        link(browser, "Music apps").click();
        waiting(browser).until(ExpectedConditions.titleContains("Music apps"));
        assertThat(browser.findElement(By.id("server-url")).getText()).startsWith("http");
        field(browser, "Name").sendKeys("Symfonium");
        button(browser, "Create app password").click();
        String appPassword = waiting(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("new-secret")))
                .getText();
        screenshot(browser, "settings-music-apps");
        assertThat(accessibilityViolations(browser)).isEmpty();
        ApiResponse ping = api().get("/rest/ping?f=json&u=" + person.username() + "&p=" + appPassword);
        assertThat(ping.json().get("subsonic-response").get("status").asText()).isEqualTo("ok");
        button(browser, "Revoke the app password Symfonium").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "revoked"));
        ping = api().get("/rest/ping?f=json&u=" + person.username() + "&p=" + appPassword);
        assertThat(ping.json().get("subsonic-response").get("error").get("code").asInt())
                .isEqualTo(40);
    }

    @Test
    void changingThePasswordSignsOutEveryOtherBrowserButThisOne() {
        TestUser person = register();
        WebDriver here = browser();
        WebDriver elsewhere = browser();
        signIn(here, person);
        signIn(elsewhere, person);

        here.get(url("/settings/sessions"));
        assertThat(here.findElements(By.cssSelector("#session-list li"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(here.findElement(By.id("session-list")).getText()).contains("This browser");
        assertThat(accessibilityViolations(here)).isEmpty();

        link(here, "Password").click();
        waiting(here).until(ExpectedConditions.titleContains("Password"));
        field(here, "Current password").sendKeys("not it at all");
        field(here, "New password").sendKeys("a brand new passphrase for me");
        field(here, "New password, again").sendKeys("a brand new passphrase for me");
        button(here, "Change password").click();
        waiting(here).until(ExpectedConditions.visibilityOfElementLocated(By.id("current_password-error")));
        field(here, "Current password").sendKeys(person.password());
        field(here, "New password").sendKeys("a brand new passphrase for me");
        field(here, "New password, again").sendKeys("a brand new passphrase for me");
        button(here, "Change password").click();
        waiting(here).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "is changed"));
        screenshot(here, "settings-password-changed");

        elsewhere.get(url("/settings/profile"));
        waiting(elsewhere).until(ExpectedConditions.titleContains("Sign in"));
        here.get(url("/settings/sessions"));
        assertThat(here.findElements(By.className("me")))
                .as("this browser stays signed in")
                .isNotEmpty();
        assertThat(api().post("/api/v1/auth/login", Map.of("login", person.username(), "password", person.password()))
                        .status())
                .isEqualTo(401);
        assertThat(api().post(
                                "/api/v1/auth/login",
                                Map.of("login", person.username(), "password", "a brand new passphrase for me"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anExportIsDownloadedAndAClosedAccountComesBackFromTheSignInPage() throws Exception {
        TestUser person = register();
        WebDriver browser = browser();
        signIn(browser, person);

        browser.get(url("/settings/privacy"));
        button(browser, "Ask for an export").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "on its way"));
        workers.stream()
                .filter(worker -> worker.name().equals("data-export"))
                .findFirst()
                .orElseThrow()
                .run(new WorkerRun(Instant.now(), () -> false));
        browser.navigate().refresh();
        String href = waiting(browser)
                .until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Download")))
                .getDomAttribute("href");
        screenshot(browser, "settings-privacy");
        assertThat(accessibilityViolations(browser)).isEmpty();
        Cookie session = browser.manage().getCookieNamed("veza_session");
        HttpResponse<byte[]> zip = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url(href)))
                                .header("Cookie", session.getName() + "=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(new String(zip.body(), 0, 2)).isEqualTo("PK");
        HttpResponse<byte[]> stranger = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url(href))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stranger.statusCode()).as("a visitor is sent to sign in").isEqualTo(302);

        field(browser, "Your password").sendKeys("wrong password here");
        button(browser, "Close my account").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "stays open"));
        field(browser, "Your password").sendKeys(person.password());
        button(browser, "Close my account").click();
        waiting(browser).until(ExpectedConditions.titleContains("Your account is closed"));
        screenshot(browser, "account-closed");
        assertThat(browser.findElements(By.className("me"))).isEmpty();
        assertThat(as(person).get("/api/v1/me").status()).isEqualTo(401);

        browser.get(url("/login"));
        link(browser, "Bring it back").click();
        waiting(browser).until(ExpectedConditions.titleContains("Recover"));
        field(browser, "Email").sendKeys(person.email());
        field(browser, "Password").sendKeys(person.password());
        button(browser, "Recover my account").click();
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Welcome back"));
        assertThat(browser.findElements(By.className("me")))
                .as("signed in again")
                .isNotEmpty();
        assertThat(api().post("/api/v1/auth/login", Map.of("login", person.email(), "password", person.password()))
                        .status())
                .isEqualTo(200);
        assertThat(accessibilityViolations(browser)).isEmpty();
    }
}
