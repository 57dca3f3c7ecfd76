package fr.veza.subsonic;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Players sign in to {@code /rest} with app passwords (token, plain or {@code enc:}) or API keys, never with the
 * account password; every refusal is an HTTP 200 Subsonic answer with the protocol's error code.
 */
class SubsonicAuthenticationIntegrationTests extends IntegrationTest {

    @Test
    void anAppPasswordSignsAPlayerInEveryWayTheProtocolHasAndIsShownOnlyOnce() throws Exception {
        TestUser person = register();
        ApiResponse created = as(person).post("/api/v1/me/app-passwords", Map.of("name", "Symfonium on my phone"));
        assertThat(created.status()).isEqualTo(201);
        String password = created.field("password");
        assertThat(password).matches("[a-z2-9]{5}(-[a-z2-9]{5}){3}");
        ApiResponse listed = as(person).get("/api/v1/me/app-passwords");
        assertThat(listed.json().get(0).get("name").asText()).isEqualTo("Symfonium on my phone");
        assertThat(listed.text()).doesNotContain(password);

        String salt = "c19b2d";
        Element xml = xml(api().get("/rest/ping?u=" + person.username() + "&t=" + md5(password + salt) + "&s=" + salt
                + "&v=1.16.1&c=test"));
        assertThat(xml.getNamespaceURI()).isEqualTo("http://subsonic.org/restapi");
        assertThat(xml.getAttribute("status")).isEqualTo("ok");
        assertThat(xml.getAttribute("version")).isEqualTo("1.16.1");
        assertThat(xml.getAttribute("type")).isEqualTo("veza");
        assertThat(xml.getAttribute("openSubsonic")).isEqualTo("true");

        ApiResponse json = api().get("/rest/ping.view?f=json&u=" + person.username() + "&p=" + password);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.json().get("subsonic-response").get("status").asText()).isEqualTo("ok");
        assertThat(json.json().get("subsonic-response").get("openSubsonic").asBoolean())
                .isTrue();
        String hex = HexFormat.of().formatHex(password.getBytes(StandardCharsets.UTF_8));
        assertThat(status(api().get("/rest/ping?f=json&u=" + person.username() + "&p=enc:" + hex)))
                .isEqualTo("ok");
        ApiResponse posted = api().send(
                        "POST",
                        "/rest/getLicense.view",
                        "application/x-www-form-urlencoded",
                        "f=json&u=" + person.username() + "&p=" + password);
        assertThat(posted.json()
                        .get("subsonic-response")
                        .get("license")
                        .get("valid")
                        .asBoolean())
                .isTrue();

        ApiResponse user = api().get("/rest/getUser?f=json&u=" + person.username() + "&p=" + password);
        assertThat(user.json()
                        .get("subsonic-response")
                        .get("user")
                        .get("username")
                        .asText())
                .isEqualTo(person.username());
        assertThat(user.json()
                        .get("subsonic-response")
                        .get("user")
                        .get("folder")
                        .get(0)
                        .asInt())
                .isEqualTo(1);
        ApiResponse folders = api().get("/rest/getMusicFolders?f=json&u=" + person.username() + "&p=" + password);
        assertThat(folders.json()
                        .get("subsonic-response")
                        .get("musicFolders")
                        .get("musicFolder")
                        .isArray())
                .isTrue();

        // an app password is for players only: the API's login refuses it
        assertThat(api().post("/api/v1/auth/login", Map.of("login", person.username(), "password", password))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void refusalsAreSubsonicAnswersWithTheProtocolsCodes() throws Exception {
        TestUser person = register();
        String password = as(person)
                .post("/api/v1/me/app-passwords", Map.of("name", "DSub"))
                .field("password");
        String u = "&u=" + person.username();

        assertThat(error(api().get("/rest/ping?f=json" + u + "&p="
                        + person.password().replace(' ', '+'))))
                .as("the account password never works on /rest")
                .isEqualTo(40);
        assertThat(error(api().get("/rest/ping?f=json" + u + "&t=" + md5("wrong" + "ab") + "&s=ab")))
                .isEqualTo(40);
        assertThat(error(api().get("/rest/ping?f=json" + u + "&t=" + md5(password + "ab") + "&s=ab&p=" + password)))
                .isEqualTo(43);
        assertThat(error(api().get("/rest/ping?f=json&p=" + password))).isEqualTo(10);
        assertThat(error(api().get("/rest/ping?f=json&apiKey=vza_unknown"))).isEqualTo(44);
        String key = as(person)
                .post("/api/v1/developer/api-keys", Map.of("name", "Feishin", "scopes", List.of("read")))
                .field("key");
        assertThat(status(api().get("/rest/ping?f=json&apiKey=" + key))).isEqualTo("ok");
        assertThat(error(api().get("/rest/ping?f=json&apiKey=" + key + u))).isEqualTo(43);

        ApiResponse notYet = api().get("/rest/jukeboxControl.view" + "?u=" + person.username() + "&p=" + password);
        assertThat(notYet.status()).isEqualTo(200);
        assertThat(xml(notYet).getAttribute("status")).isEqualTo("failed");
        assertThat(((Element) xml(notYet).getElementsByTagName("error").item(0)).getAttribute("code"))
                .isEqualTo("0");

        ApiResponse open = api().get("/rest/getOpenSubsonicExtensions?f=json");
        assertThat(open.json()
                        .get("subsonic-response")
                        .get("openSubsonicExtensions")
                        .get(0)
                        .get("name")
                        .asText())
                .isEqualTo("apiKeyAuthentication");
    }

    @Test
    void revokingAnAppPasswordOrClosingTheAccountSignsThePlayerOutAtOnce() {
        TestUser person = register();
        String first = as(person)
                .post("/api/v1/me/app-passwords", Map.of("name", "one"))
                .field("password");
        ApiResponse second = as(person).post("/api/v1/me/app-passwords", Map.of("name", "two"));
        String u = "/rest/ping?f=json&u=" + person.username() + "&p=";
        assertThat(status(api().get(u + second.field("password")))).isEqualTo("ok");

        assertThat(as(person)
                        .delete("/api/v1/me/app-passwords/" + second.field("id"))
                        .status())
                .isEqualTo(204);
        assertThat(error(api().get(u + second.field("password")))).isEqualTo(40);
        assertThat(status(api().get(u + first))).isEqualTo("ok");

        assertThat(as(person)
                        .send(
                                "DELETE",
                                "/api/v1/me",
                                "application/json",
                                "{\"password\":\"" + person.password() + "\"}")
                        .status())
                .isEqualTo(202);
        assertThat(error(api().get(u + first))).isEqualTo(40);
        assertThat(jdbc.sql("SELECT count(*) FROM app_passwords WHERE user_id = :user AND revoked_at IS NULL")
                        .param("user", person.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private static String status(ApiResponse answer) {
        return answer.json().get("subsonic-response").get("status").asText();
    }

    private static int error(ApiResponse answer) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("subsonic-response").get("status").asText())
                .isEqualTo("failed");
        return answer.json().get("subsonic-response").get("error").get("code").asInt();
    }

    private static Element xml(ApiResponse answer) throws Exception {
        assertThat(answer.contentType()).startsWith("text/xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(answer.text().getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
