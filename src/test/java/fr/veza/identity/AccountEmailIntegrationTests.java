package fr.veza.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestMail;
import fr.veza.support.TestUser;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The account's mailed links through a real SMTP server (GreenMail): a forgotten password reset end to end, the
 * same answer for an address nobody uses, the address verified, and each link working once.
 */
class AccountEmailIntegrationTests extends IntegrationTest {

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        TestMail.sendTo(registry);
    }

    @Test
    void aForgottenPasswordIsResetOnceFromTheMailedLinkAndEverySessionEnds() throws Exception {
        TestUser person = register();
        ApiResponse asked = api().post("/api/v1/auth/password-reset", Map.of("email", person.email()));
        assertThat(asked.status()).isEqualTo(202);

        MimeMessage mail = awaitMail(person.email(), "Reset your Veza password");
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(text).contains("works once, for 60 minutes").doesNotContain(person.password());
        assertThat(html).contains("Choose a new password").contains("<a href=\"http");
        String token = token(text);
        assertThat(html).contains(token);
        assertThat(jdbc.sql("SELECT count(*) FROM account_tokens WHERE encode(token_hash, 'escape') LIKE :t")
                        .param("t", "%" + token + "%")
                        .query(Integer.class)
                        .single())
                .as("only a hash is kept")
                .isZero();

        // a password the policy refuses leaves the link usable
        ApiResponse weak =
                api().post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "password", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.code()).isEqualTo("validation_failed");
        ApiResponse reset = api().post(
                        "/api/v1/auth/password-reset/confirm",
                        Map.of("token", token, "password", "a brand new passphrase for me"));
        assertThat(reset.status()).isEqualTo(204);

        ApiResponse again = api().post(
                        "/api/v1/auth/password-reset/confirm",
                        Map.of("token", token, "password", "another new passphrase here"));
        assertThat(again.status()).as("a link works once").isEqualTo(400);
        assertThat(again.code()).isEqualTo("link_expired");
        assertThat(api().post("/api/v1/auth/refresh", Map.of("refresh_token", person.refreshToken()))
                        .status())
                .as("every session signed out")
                .isEqualTo(401);
        assertThat(login(person.email(), person.password()).status()).isEqualTo(401);
        assertThat(login(person.email(), "a brand new passphrase for me").status())
                .isEqualTo(200);
        assertThat(part(awaitMail(person.email(), "password was changed"), "text/plain"))
                .contains("was just changed");
    }

    @Test
    void nobodyLearnsWhetherAnAddressHasAnAccountAndOldOrExpiredLinksFail() throws Exception {
        TestUser person = register();
        String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
        ApiResponse unknown = api().post("/api/v1/auth/password-reset", Map.of("email", nobody));
        ApiResponse known = api().post("/api/v1/auth/password-reset", Map.of("email", person.email()));
        assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(202);
        assertThat(unknown.text()).isEqualTo(known.text());
        String first = token(part(awaitMail(person.email(), "Reset your Veza password"), "text/plain"));
        assertThat(TestMail.to(nobody)).isEmpty();

        // a newer link replaces the older one, and a link past its time does not work
        api().post("/api/v1/auth/password-reset", Map.of("email", person.email()));
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        TestMail.to(person.email(), "Reset your Veza password").size() == 2);
        String second = token(
                part(TestMail.to(person.email(), "Reset your Veza password").get(1), "text/plain"));
        assertThat(confirm(first).code()).isEqualTo("link_expired");
        jdbc.sql("UPDATE account_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = :user")
                .param("user", person.id())
                .update();
        assertThat(confirm(second).code()).isEqualTo("link_expired");
        assertThat(login(person.email(), person.password()).status()).isEqualTo(200);

        // a third request from the same address within the hour is held back, whoever owns it
        assertThat(api().post("/api/v1/auth/password-reset", Map.of("email", person.email()))
                        .status())
                .isEqualTo(202);
        ApiResponse limited = api().post("/api/v1/auth/password-reset", Map.of("email", person.email()));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
    }

    @Test
    void aSuspendedAccountGetsNoResetMail() throws Exception {
        TestUser person = register();
        jdbc.sql("UPDATE users SET status = 'suspended' WHERE id = :id")
                .param("id", person.id())
                .update();
        assertThat(api().post("/api/v1/auth/password-reset", Map.of("email", person.email()))
                        .status())
                .isEqualTo(202);
        Thread.sleep(1500);
        assertThat(TestMail.to(person.email(), "Reset your Veza password")).isEmpty();
    }

    @Test
    void theAddressIsVerifiedFromTheMailSentAtSignUp() throws Exception {
        TestUser person = register();
        assertThat(as(person).get("/api/v1/me").json().get("email_verified").asBoolean())
                .isFalse();
        MimeMessage welcome = awaitMail(person.email(), "Confirm your email address");
        String token = token(part(welcome, "text/plain"));
        assertThat(part(welcome, "text/html")).contains("Confirm my email");

        assertThat(api().post("/api/v1/auth/verify-email", Map.of("token", "not-a-token"))
                        .code())
                .isEqualTo("link_expired");
        assertThat(api().post("/api/v1/auth/verify-email", Map.of("token", token))
                        .status())
                .isEqualTo(204);
        assertThat(as(person).get("/api/v1/me").json().get("email_verified").asBoolean())
                .isTrue();
        assertThat(api().post("/api/v1/auth/verify-email", Map.of("token", token))
                        .code())
                .isEqualTo("link_expired");
        assertThat(as(person).post("/api/v1/me/verify-email/resend", null).status())
                .as("nothing left to verify")
                .isEqualTo(409);

        TestUser other = register();
        awaitMail(other.email(), "Confirm your email address");
        assertThat(as(other).post("/api/v1/me/verify-email/resend", null).status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        TestMail.to(other.email(), "Confirm your email address").size() == 2);
        String first = token(
                part(TestMail.to(other.email(), "Confirm your email address").get(0), "text/plain"));
        assertThat(api().post("/api/v1/auth/verify-email", Map.of("token", first))
                        .code())
                .as("the new link replaced it")
                .isEqualTo("link_expired");
    }

    @Test
    void anAddressChangesOnlyOnceTheNewAddressConfirmsItAndTheOldOneIsTold() throws Exception {
        TestUser person = register();
        TestUser other = register();
        String newAddress = "moved-" + person.username() + "@example.org";

        assertThat(as(person)
                        .post("/api/v1/me/email", Map.of("email", newAddress, "password", "not my password"))
                        .code())
                .isEqualTo("wrong_password");
        assertThat(as(person)
                        .post("/api/v1/me/email", Map.of("email", other.email(), "password", person.password()))
                        .code())
                .isEqualTo("email_taken");
        assertThat(as(person)
                        .post("/api/v1/me/email", Map.of("email", "not an address", "password", person.password()))
                        .code())
                .isEqualTo("validation_failed");
        assertThat(as(person)
                        .post("/api/v1/me/email", Map.of("email", newAddress, "password", person.password()))
                        .status())
                .isEqualTo(202);

        // the account keeps its address until the new one confirms; the old one hears of the request
        assertThat(as(person).get("/api/v1/me").field("email")).isEqualTo(person.email());
        MimeMessage asked = awaitMail(person.email(), "change of your Veza email address was asked");
        assertThat(part(asked, "text/plain")).contains(newAddress).doesNotContain("token=");
        MimeMessage link = awaitMail(newAddress, "Confirm your new email address");
        String token = token(part(link, "text/plain"));
        assertThat(part(link, "text/html")).contains("Confirm my new address");

        assertThat(api().post("/api/v1/auth/confirm-email", Map.of("token", "forged"))
                        .code())
                .isEqualTo("link_expired");
        assertThat(api().post("/api/v1/auth/confirm-email", Map.of("token", token))
                        .status())
                .isEqualTo(204);
        ApiResponse me = as(person).get("/api/v1/me");
        assertThat(me.field("email")).isEqualTo(newAddress);
        assertThat(me.json().get("email_verified").asBoolean()).isTrue();
        assertThat(part(awaitMail(person.email(), "has a new email address"), "text/plain"))
                .contains(newAddress);
        assertThat(api().post("/api/v1/auth/confirm-email", Map.of("token", token))
                        .code())
                .as("a link works once")
                .isEqualTo("link_expired");
        assertThat(login(newAddress, person.password()).status()).isEqualTo(200);
        assertThat(login(person.email(), person.password()).status()).isEqualTo(401);
    }

    @Test
    void aNewAddressTakenBeforeItIsConfirmedChangesNothing() throws Exception {
        TestUser person = register();
        String wanted = "wanted-" + person.username() + "@example.org";
        as(person).post("/api/v1/me/email", Map.of("email", wanted, "password", person.password()));
        String token = token(part(awaitMail(wanted, "Confirm your new email address"), "text/plain"));
        TestUser quicker = register();
        jdbc.sql("UPDATE users SET email = :email WHERE id = :id")
                .param("email", wanted)
                .param("id", quicker.id())
                .update();

        assertThat(api().post("/api/v1/auth/confirm-email", Map.of("token", token))
                        .code())
                .isEqualTo("email_taken");
        assertThat(as(person).get("/api/v1/me").field("email")).isEqualTo(person.email());
    }

    private ApiResponse confirm(String token) {
        return api().post(
                        "/api/v1/auth/password-reset/confirm",
                        Map.of("token", token, "password", "yet another fine passphrase"));
    }

    private ApiResponse login(String login, String password) {
        return api().post("/api/v1/auth/login", Map.of("login", login, "password", password));
    }

    private static MimeMessage awaitMail(String address, String subject) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !TestMail.to(address, subject).isEmpty());
        return TestMail.to(address, subject).get(0);
    }

    private static String part(MimeMessage mail, String type) throws Exception {
        return TestMail.part(mail, type);
    }

    private static String token(String text) {
        return TestMail.token(text);
    }
}
