package fr.veza.site;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.BrowserTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Signing up, out and in through the pages, in a real browser. */
class SignInBrowserIntegrationTests extends BrowserTest {

    @Test
    void aPersonSignsUpSignsOutAndSignsBackInAndAWrongPasswordIsExplained() {
        String name = "web" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String password = "river stones and quiet moss";
        WebDriver browser = browser();

        browser.get(url("/"));
        link(browser, "Sign up").click();
        waiting(browser).until(ExpectedConditions.titleContains("Create your account"));
        field(browser, "Email").sendKeys(name + "@example.com");
        field(browser, "Username").sendKeys(name);
        field(browser, "Password").sendKeys("short");
        button(browser, "Create account").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("password-error")));
        assertThat(browser.findElement(By.id("password-error")).getText()).contains("at least 10 characters");
        assertThat(field(browser, "Username").getDomProperty("value")).isEqualTo(name);
        screenshot(browser, "signup-error");

        field(browser, "Password").clear();
        field(browser, "Password").sendKeys(password);
        browser.findElement(By.id("artist")).click();
        button(browser, "Create account").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.className("me")));
        assertThat(browser.findElement(By.className("me")).getText()).isEqualTo(name);
        screenshot(browser, "home-signed-in");

        button(browser, "Sign out").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Sign in")));
        assertThat(browser.findElements(By.className("me"))).isEmpty();

        link(browser, "Sign in").click();
        waiting(browser).until(ExpectedConditions.titleContains("Sign in"));
        field(browser, "Email or username").sendKeys(name);
        field(browser, "Password").sendKeys("not my password");
        button(browser, "Sign in").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("password-error")));
        assertThat(browser.findElement(By.id("password-error")).getText()).isEqualTo("Login or password is wrong.");
        screenshot(browser, "login-error");

        field(browser, "Password").clear();
        field(browser, "Password").sendKeys(password);
        button(browser, "Sign in").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.className("me")));
        assertThat(browser.findElement(By.className("me")).getText()).isEqualTo(name);
    }
}
