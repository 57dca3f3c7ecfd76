package fr.veza.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A browser's session, over plain HTTP as the browser sends it: a cookie tied to a row of the session list the
 * API shows, forms that need their CSRF token, and every way a session ends.
 */
class BrowserSessionIntegrationTests extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void aBrowserSessionIsASessionOfTheAccountAndRevokingItSignsTheBrowserOut() throws Exception {
        Browser browser = new Browser();
        String name = "bs" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        HttpResponse<String> signedUp = browser.submit(
                "/signup",
                Map.of("email", name + "@example.com", "username", name, "password", "a quiet long passphrase"));
        assertThat(signedUp.statusCode()).isEqualTo(302);
        String setCookie = signedUp.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("veza_session="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        assertThat(browser.get("/").body()).contains("class=\"me\"").contains(name);

        ApiResponse login =
                api().post("/api/v1/auth/login", Map.of("login", name, "password", "a quiet long passphrase"));
        var api = api().bearer(login.field("access_token"));
        var sessions = api.get("/api/v1/me/sessions").json();
        assertThat(sessions).hasSize(2);

        String secret = browser.cookie("veza_session");
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refresh_token", secret))
                        .status())
                .as("a cookie's secret is no refresh token")
                .isEqualTo(401);
        assertThat(api().bearer(secret).get("/api/v1/me").status()).isEqualTo(401);

        String browserSession = null;
        for (var session : sessions) {
            if (!session.get("current").asBoolean()) {
                browserSession = session.get("id").asText();
            }
        }
        assertThat(api.delete("/api/v1/me/sessions/" + browserSession).status()).isEqualTo(204);
        Thread.sleep(50);
        HttpResponse<String> afterRevocation = browser.get("/");
        assertThat(afterRevocation.body()).doesNotContain("class=\"me\"").contains("Sign in");
        assertThat(afterRevocation.headers().allValues("Set-Cookie"))
                .anyMatch(cookie -> cookie.startsWith("veza_session=;") && cookie.contains("Max-Age=0"));
    }

    @Test
    void signingOutEndsTheSessionAndFormsWithoutTheirTokenChangeNothing() throws Exception {
        Browser browser = new Browser();
        String name = "so" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        browser.submit(
                "/signup",
                Map.of("email", name + "@example.com", "username", name, "password", "a quiet long passphrase"));
        String secret = browser.cookie("veza_session");

        HttpResponse<String> forged = browser.post("/logout", Map.of());
        assertThat(forged.statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(browser.get("/").body()).contains(name);

        HttpResponse<String> signedOut = browser.submit("/logout", Map.of());
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(browser.get("/").body()).doesNotContain("class=\"me\"");

        Browser thief = new Browser();
        thief.setCookie("veza_session", secret);
        assertThat(thief.get("/").body()).as("the old cookie").doesNotContain(name);
    }

    @Test
    void aWrongPasswordIsAnsweredOnTheFormAndSignInGoesBackOnlyToThisSite() throws Exception {
        var user = register();
        Browser browser = new Browser();
        HttpResponse<String> wrong = browser.submit(
                "/login", Map.of("login", user.username(), "password", "not the password", "next", "/search"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("Login or password is wrong.").contains("aria-invalid=\"true\"");

        HttpResponse<String> elsewhere = browser.submit(
                "/login", Map.of("login", user.username(), "password", user.password(), "next", "//evil.example/x"));
        assertThat(elsewhere.statusCode()).isEqualTo(302);
        assertThat(elsewhere.headers().firstValue("Location").orElseThrow()).endsWith("/");
        assertThat(elsewhere.headers().firstValue("Location").orElseThrow()).doesNotContain("evil");
    }

    /** Cookies kept as a browser keeps them; forms submitted with the token their page carried. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final String address = "198.18." + (int) (Math.random() * 250) + "." + (int) (1 + Math.random() * 250);

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(
                    request(path).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Opens the form's page for its token, then posts the form with it. */
        HttpResponse<String> submit(String path, Map<String, String> fields) throws IOException, InterruptedException {
            String page = get(path.equals("/logout") ? "/" : path).body();
            Matcher token = CSRF.matcher(page);
            assertThat(token.find()).as("a CSRF token on " + path).isTrue();
            Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
            withToken.put("_csrf", token.group(1).replace("&#45;", "-"));
            return post(path, withToken);
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            String form = fields.entrySet().stream()
                    .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(
                    request(path)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals(name))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElseThrow();
        }

        void setCookie(String name, String value) {
            HttpCookie cookie = new HttpCookie(name, value);
            cookie.setPath("/");
            cookies.getCookieStore().add(URI.create("http://localhost:" + port + "/"), cookie);
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-Forwarded-For", address);
        }
    }
}
