package fr.veza.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tests through the web app in a real headless Chromium, as a person would use it: Debian's {@code chromium} and
 * {@code chromium-driver}, given by path so that nothing is ever downloaded. Without them the tests are skipped
 * with a message naming the packages. A failing test leaves a screenshot under {@code target/screenshots}, and
 * tests may save screenshots of what they see there too.
 */
@ExtendWith(BrowserTest.ScreenshotOnFailure.class)
public abstract class BrowserTest extends CatalogTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("CHROMEDRIVER_PATH", "/usr/bin/chromedriver"));
    private static final ThreadLocal<List<WebDriver>> OPEN = ThreadLocal.withInitial(ArrayList::new);

    @BeforeEach
    void requireChromium() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Chromium and its driver: apt-get install -y chromium chromium-driver"
                        + " (or set CHROMIUM_PATH and CHROMEDRIVER_PATH)");
    }

    /** A fresh browser (its own profile: no cookies, no storage) with a desktop window. */
    protected WebDriver browser() {
        return browser(1280, 900);
    }

    protected WebDriver browser(int width, int height) {
        return browser(width, height, "en-US");
    }

    /** A desktop browser whose person reads {@code language} (an Accept-Language value such as "fr-FR"). */
    protected WebDriver browserIn(String language) {
        return browser(1280, 900, language);
    }

    private WebDriver browser(int width, int height, String language) {
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        options.setBinary(CHROMIUM.toFile());
        Path profile;
        try {
            profile = Files.createTempDirectory("veza-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--mute-audio",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--lang=" + language,
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        OPEN.get().add(driver);
        return driver;
    }

    /** Signs {@code user} in through the sign-in page, as they would. */
    protected void signIn(WebDriver browser, TestUser user) {
        browser.get(url("/login"));
        field(browser, "Email or username").sendKeys(user.username());
        field(browser, "Password").sendKeys(user.password());
        button(browser, "Sign in").click();
        waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.className("me")));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits up to 20 s; an element replaced by an htmx swap while being read is simply read again. */
    protected static WebDriverWait waiting(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    protected static Object script(WebDriver driver, String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    protected static WebElement byLabel(WebDriver driver, String name) {
        return driver.findElement(By.xpath("//*[@aria-label=" + xpathLiteral(name) + "]"));
    }

    protected static WebElement button(WebDriver driver, String text) {
        return inView(
                driver,
                driver.findElement(By.xpath("//button[normalize-space(.)=" + xpathLiteral(text) + " or @aria-label="
                        + xpathLiteral(text) + "]")));
    }

    protected static WebElement link(WebDriver driver, String text) {
        return inView(driver, driver.findElement(By.xpath("//a[normalize-space(.)=" + xpathLiteral(text) + "]")));
    }

    /** Scrolled to the middle of the window, as a person scrolls to what they want, clear of the player bar. */
    protected static WebElement inView(WebDriver driver, WebElement element) {
        script(
                driver,
                "const r = arguments[0].getBoundingClientRect();"
                        + " window.scrollTo(0, window.scrollY + r.top + r.height / 2 - window.innerHeight / 2);",
                element);
        return element;
    }

    /** The field whose visible label says {@code label}. */
    protected static WebElement field(WebDriver driver, String label) {
        WebElement tag = driver.findElement(By.xpath("//label[normalize-space(.)=" + xpathLiteral(label) + "]"));
        return driver.findElement(By.id(tag.getDomAttribute("for")));
    }

    /** Saves what the browser shows as {@code target/screenshots/name.png}. */
    protected static Path screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The serious and critical accessibility violations axe-core finds on the current page. */
    @SuppressWarnings("unchecked")
    protected static List<String> accessibilityViolations(WebDriver driver) {
        script(driver, AXE);
        Object result = ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                        + ".catch(e => done(['axe failed: ' + e]));");
        return (List<String>) result;
    }

    /** True when the page is wider than the window: a phone would scroll sideways. */
    protected static boolean scrollsSideways(WebDriver driver) {
        return (Boolean) script(driver, "return document.documentElement.scrollWidth > window.innerWidth;");
    }

    protected static double currentTime(WebDriver driver) {
        return ((Number) script(driver, "return document.getElementById('player-audio').currentTime;")).doubleValue();
    }

    protected static boolean playing(WebDriver driver) {
        return (Boolean)
                script(driver, "const a = document.getElementById('player-audio'); return !a.paused && !a.ended;");
    }

    protected static void assertNoHorizontalScroll(WebDriver driver) {
        assertThat(scrollsSideways(driver))
                .as("%s scrolls sideways at %s px", driver.getCurrentUrl(), script(driver, "return window.innerWidth"))
                .isFalse();
    }

    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "',\"'\",'") + "')";
    }

    private static final String AXE = readAxe();

    private static String readAxe() {
        try (InputStream in = BrowserTest.class.getResourceAsStream("/axe.min.js")) {
            return new String(Optional.ofNullable(in).orElseThrow().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After each test: a screenshot of every browser it opened if it failed, then the browsers close. */
    static final class ScreenshotOnFailure implements AfterEachCallback {

        @Override
        public void afterEach(ExtensionContext context) {
            List<WebDriver> drivers = OPEN.get();
            for (int i = 0;
                    i < drivers.size() && context.getExecutionException().isPresent();
                    i++) {
                try {
                    Path file = screenshot(
                            drivers.get(i),
                            "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                                    + context.getRequiredTestMethod().getName() + (i == 0 ? "" : "-" + i));
                    System.err.println("screenshot of the failure: " + file.toAbsolutePath());
                } catch (RuntimeException unavailable) {
                    // the browser itself may be what failed
                }
            }
            drivers.forEach(WebDriver::quit);
            drivers.clear();
        }
    }

    /** A map, for readability when a test writes fields. */
    protected static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
