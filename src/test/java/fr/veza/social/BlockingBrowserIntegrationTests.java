package fr.veza.social;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.BrowserTest;
import fr.veza.support.TestUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Blocking from a person's page and unblocking from Settings, in a real browser. */
class BlockingBrowserIntegrationTests extends BrowserTest {

    @Test
    void someoneIsBlockedFromTheirPageAndUnblockedFromSettings() {
        TestUser me = register("artist");
        TestUser pest = register();
        WebDriver browser = browser();
        signIn(browser, me);
        browser.get(url("/@" + pest.username()));
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".artist-more")));

        browser.findElement(By.cssSelector(".artist-more summary")).click();
        button(browser, "Block " + pest.username()).click();
        waiting(browser).until(ExpectedConditions.titleContains("Blocked people"));
        assertThat(browser.findElement(By.id("blocked-people")).getText()).contains(pest.username());
        assertThat(as(pest).put("/api/v1/users/" + me.id() + "/follow", null).status())
                .isEqualTo(403);
        assertThat(accessibilityViolations(browser)).isEmpty();
        screenshot(browser, "settings-blocks");

        button(browser, "Unblock " + pest.username()).click();
        waiting(browser).until(driver -> driver.getCurrentUrl().contains("unblocked"));
        assertThat(browser.findElement(By.id("main")).getText()).contains("You have not blocked anyone.");
        assertThat(as(pest).put("/api/v1/users/" + me.id() + "/follow", null).status())
                .isEqualTo(200);
    }
}
