package fr.veza.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.support.BrowserTest;
import fr.veza.support.TestMail;
import fr.veza.support.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Forgot password?" in a real browser, down to the mail GreenMail received: the link asked for, a new password
 * chosen (refusals beside their field), signed in with it, the link dead afterwards; and the address confirmed
 * from the sign-up mail with a click, as a mail scanner's visit would not.
 */
class PasswordResetBrowserIntegrationTests extends BrowserTest {

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        TestMail.sendTo(registry);
    }

    @Test
    void aPersonWhoForgotTheirPasswordChoosesANewOneFromTheMailedLink() throws Exception {
        TestUser person = register();
        WebDriver browser = browser();
        browser.get(url("/login"));
        link(browser, "Forgot password?").click();
        waiting(browser).until(ExpectedConditions.titleContains("Forgot your password?"));
        button(browser, "Send me a link").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("email-error")));
        field(browser, "Email").sendKeys(person.email());
        button(browser, "Send me a link").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("reset-sent")));
        assertThat(accessibilityViolations(browser)).isEmpty();

        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        !TestMail.to(person.email(), "Reset your Veza password").isEmpty());
        String token = TestMail.token(TestMail.part(
                TestMail.to(person.email(), "Reset your Veza password").get(0), "text/plain"));
        browser.get(url("/reset-password?token=" + token));
        field(browser, "New password").sendKeys("a brand new passphrase");
        field(browser, "New password, again").sendKeys("a different passphrase");
        button(browser, "Set the new password").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("password_again-error")));
        field(browser, "New password").sendKeys("short");
        field(browser, "New password, again").sendKeys("short");
        button(browser, "Set the new password").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("password-error")));
        assertThat(browser.findElement(By.id("password-error")).getText()).startsWith("New password");
        screenshot(browser, "reset-password");
        assertThat(accessibilityViolations(browser)).isEmpty();
        field(browser, "New password").sendKeys("a brand new passphrase");
        field(browser, "New password, again").sendKeys("a brand new passphrase");
        button(browser, "Set the new password").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("password-was-reset")));

        field(browser, "Email or username").sendKeys(person.username());
        field(browser, "Password").sendKeys("a brand new passphrase");
        button(browser, "Sign in").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.className("me")));

        // the link is spent: the page says so and offers a new one
        browser.get(url("/reset-password?token=" + token));
        field(browser, "New password").sendKeys("yet another passphrase");
        field(browser, "New password, again").sendKeys("yet another passphrase");
        button(browser, "Set the new password").click();
        waiting(browser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "no longer works"));
        assertThat(browser.findElements(By.xpath("//a[normalize-space(.)='Ask for a new link']")))
                .hasSize(1);
    }

    @Test
    void theSignUpMailConfirmsTheAddressWithAClick() throws Exception {
        TestUser person = register();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !TestMail.to(person.email(), "Confirm your email address")
                        .isEmpty());
        String token = TestMail.token(TestMail.part(
                TestMail.to(person.email(), "Confirm your email address").get(0), "text/plain"));
        WebDriver browser = browser();
        signIn(browser, person);
        browser.get(url("/settings/profile"));
        assertThat(browser.findElement(By.id("email-status")).getText()).contains("not confirmed");

        browser.get(url("/verify-email?token=" + token));
        assertThat(as(person).get("/api/v1/me").json().get("email_verified").asBoolean())
                .as("opening the link confirms nothing by itself")
                .isFalse();
        assertThat(accessibilityViolations(browser)).isEmpty();
        button(browser, "Confirm my email").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("email-verified")));
        assertThat(as(person).get("/api/v1/me").json().get("email_verified").asBoolean())
                .isTrue();
        browser.get(url("/settings/profile"));
        assertThat(browser.findElement(By.id("email-status")).getText()).contains("is confirmed");
    }
}
