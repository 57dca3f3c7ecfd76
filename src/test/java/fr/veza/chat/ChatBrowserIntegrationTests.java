package fr.veza.chat;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.BrowserTest;
import fr.veza.support.TestUser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Two people chatting in two real browsers: messages, typing and read receipts arrive live, as text. */
class ChatBrowserIntegrationTests extends BrowserTest {

    private static final String HOSTILE = "<img src=x onerror=alert(1)> see you at <b>eight</b>";

    @Test
    void aMessageATypingIndicatorAndAReadReceiptArriveLive() {
        TestUser alice = register();
        TestUser bob = register();
        WebDriver alicesBrowser = browser();
        WebDriver bobsBrowser = browser();
        signIn(alicesBrowser, alice);
        signIn(bobsBrowser, bob);

        link(alicesBrowser, "Chat").click();
        waiting(alicesBrowser).until(ExpectedConditions.titleContains("Chat"));
        field(alicesBrowser, "Message someone").sendKeys(bob.username());
        button(alicesBrowser, "Open").click();
        waiting(alicesBrowser).until(ExpectedConditions.titleContains(bob.username()));
        String room = alicesBrowser.getCurrentUrl();
        bobsBrowser.get(room);
        waiting(bobsBrowser).until(ExpectedConditions.titleContains(alice.username()));
        live(alicesBrowser);
        live(bobsBrowser);

        field(alicesBrowser, "Message").sendKeys("see");
        waiting(bobsBrowser).until(ExpectedConditions.textToBe(By.id("chat-typing"), alice.username() + " is typing…"));
        field(alicesBrowser, "Message").sendKeys(Keys.chord(Keys.CONTROL, "a"), HOSTILE, Keys.ENTER);

        waiting(bobsBrowser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-messages"), "eight"));
        assertThat(bobsBrowser
                        .findElement(By.cssSelector("#chat-messages .chat-body"))
                        .getText())
                .isEqualTo(HOSTILE);
        assertThat(bobsBrowser.findElements(By.cssSelector("#chat-messages b, #chat-messages img")))
                .isEmpty();
        assertThat(bobsBrowser.findElement(By.id("chat-typing")).getText()).isEmpty();
        waiting(alicesBrowser).until(ExpectedConditions.textToBe(By.id("chat-seen"), "Seen by " + bob.username()));
        assertThat(alicesBrowser.findElement(By.id("chat-body")).getDomProperty("value"))
                .isEmpty();
        screenshot(alicesBrowser, "chat-seen");
        screenshot(bobsBrowser, "chat-received");
        assertThat(accessibilityViolations(bobsBrowser)).isEmpty();

        // her own message, arrived live, can be changed at once, and the change reaches Bob live too
        alicesBrowser
                .findElement(By.cssSelector("#chat-messages .chat-own summary"))
                .click();
        var edit = alicesBrowser.findElement(By.cssSelector("#chat-messages .chat-own input[name=body]"));
        edit.clear();
        edit.sendKeys("see you at nine");
        alicesBrowser
                .findElement(By.cssSelector("#chat-messages .chat-own form button"))
                .click();
        waiting(bobsBrowser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-messages"), "see you at nine"));
        assertThat(bobsBrowser.findElement(By.id("chat-messages")).getText()).contains("edited");

        // the conversation is there after a reload, and the rooms list shows it with nothing left unread
        bobsBrowser.navigate().refresh();
        waiting(bobsBrowser)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-messages"), "see you at nine"));
        link(bobsBrowser, "All conversations").click();
        waiting(bobsBrowser).until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-rooms")));
        assertThat(bobsBrowser.findElement(By.id("chat-rooms")).getText())
                .contains(alice.username())
                .doesNotContain("unread");
    }

    @Test
    void aLinkToATrackIsACardLiveAndAfterAReloadAndLeadsToTheTrack() {
        TestUser artist = register("artist");
        TestUser alice = register();
        TestUser bob = register();
        java.util.UUID track = readyTrack(artist, "Harbour Lights", "public");
        String room = as(alice)
                .post("/api/v1/chat/rooms", java.util.Map.of("kind", "direct", "user_id", bob.id()))
                .field("id");
        WebDriver alicesBrowser = browser();
        WebDriver bobsBrowser = browser();
        signIn(alicesBrowser, alice);
        signIn(bobsBrowser, bob);
        alicesBrowser.get(url("/chat/" + room));
        bobsBrowser.get(url("/chat/" + room));
        live(alicesBrowser);
        live(bobsBrowser);

        field(alicesBrowser, "Message").sendKeys("this one: /tracks/" + track);
        field(alicesBrowser, "Message").sendKeys(Keys.ENTER);
        waiting(bobsBrowser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".chat-card a")));
        assertThat(bobsBrowser.findElement(By.cssSelector(".chat-card")).getText())
                .contains("Harbour Lights")
                .contains("Track by " + artist.username());
        screenshot(bobsBrowser, "chat-link-card");

        bobsBrowser.navigate().refresh();
        waiting(bobsBrowser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".chat-card a")));
        assertThat(accessibilityViolations(bobsBrowser)).isEmpty();
        bobsBrowser.findElement(By.cssSelector(".chat-card a")).click();
        waiting(bobsBrowser).until(ExpectedConditions.titleContains("Harbour Lights"));
        assertThat(bobsBrowser.getCurrentUrl()).endsWith("/tracks/" + track);
    }

    @Test
    void theBrowserSocketNeedsTheSessionAndItsOwnOrigin() throws IOException {
        TestUser alice = register();
        WebDriver browser = browser();
        browser.get(url("/"));
        Object anonymous = ((JavascriptExecutor) browser)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + " const s = new WebSocket('ws://' + location.host + '/chat/ws');"
                        + " s.onopen = () => done('open'); s.onerror = () => done('refused');"
                        + " s.onclose = (e) => done('closed ' + e.code);");
        assertThat(anonymous).isNotEqualTo("open");
        signIn(browser, alice);
        String cookie = browser.manage().getCookieNamed("veza_session").getValue();
        assertThat(handshake("http://localhost:" + port, cookie)).contains(" 101 ");
        assertThat(handshake("https://elsewhere.example", cookie)).contains(" 403 ");
    }

    /** The status line of a WebSocket handshake to /chat/ws from a page of {@code origin}. */
    private String handshake(String origin, String session) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET /chat/ws HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                                    + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: " + origin
                                    + "\r\nCookie: veza_session=" + session + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    private static void live(WebDriver browser) {
        waiting(browser).until(ExpectedConditions.attributeToBe(By.id("chat-room"), "data-live", "true"));
    }
}
