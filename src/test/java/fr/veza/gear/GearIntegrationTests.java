package fr.veza.gear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestMail;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A person's gear through the API, and the warranty warning: once per end date, in the app and by mail. */
class GearIntegrationTests extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    List<PeriodicWorker> workers;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        TestMail.sendTo(registry);
    }

    @Test
    void anInventoryIsItsOwnersAlone() {
        TestUser me = register();
        TestUser other = register();
        Map<String, Object> synth = item("Prophet-6", TODAY.minusYears(1), TODAY.plusYears(1));
        synth.put("brand", "Sequential");
        synth.put("serial_number", "P6-12345");
        synth.put("purchase_price", Map.of("amount", 329900, "currency", "EUR"));

        ApiResponse added = as(me).post("/api/v1/gear", synth);

        assertThat(added.status()).isEqualTo(201);
        String id = added.field("id");
        assertThat(added.json().get("purchase_price").get("amount").asLong()).isEqualTo(329900);
        assertThat(as(me).get("/api/v1/gear").text()).contains("Prophet-6");
        assertThat(as(other).get("/api/v1/gear").json().get("items")).isEmpty();
        assertThat(as(other).get("/api/v1/gear/" + id).status()).isEqualTo(404);
        assertThat(as(other)
                        .put("/api/v1/gear/" + id, item("Mine now", null, null))
                        .status())
                .isEqualTo(404);
        assertThat(as(other).delete("/api/v1/gear/" + id).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/gear").status()).isEqualTo(401);

        Map<String, Object> renamed = item("Prophet-6 desktop", TODAY.minusYears(1), TODAY.plusYears(1));
        assertThat(as(me).put("/api/v1/gear/" + id, renamed).field("name")).isEqualTo("Prophet-6 desktop");
        assertThat(as(me).delete("/api/v1/gear/" + id).status()).isEqualTo(204);
        assertThat(as(me).get("/api/v1/gear/" + id).status()).isEqualTo(404);
    }

    @Test
    void badItemsAreRefusedAndStoreNothing() {
        TestUser me = register();
        ApiResponse nameless = as(me).post("/api/v1/gear", item(" ", null, null));
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.json().get("errors").get(0).get("field").asText()).isEqualTo("name");

        ApiResponse backwards = as(me).post("/api/v1/gear", item("Amp", TODAY, TODAY.minusDays(1)));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.text()).contains("warranty_end");

        Map<String, Object> noCurrency = item("Mic", null, null);
        noCurrency.put("purchase_price", Map.of("amount", 100));
        assertThat(as(me).post("/api/v1/gear", noCurrency).status()).isEqualTo(400);

        assertThat(as(me).get("/api/v1/gear").json().get("items")).isEmpty();
    }

    @Test
    void ownersAreWarnedOnceBeforeAWarrantyEndsAndAgainForANewEndDate() {
        TestUser me = register();
        String soon = as(me).post("/api/v1/gear", item("Tape echo", TODAY.minusYears(2), TODAY.plusDays(10)))
                .field("id");
        as(me).post("/api/v1/gear", item("Far off", TODAY.minusYears(1), TODAY.plusDays(45)));
        as(me).post("/api/v1/gear", item("Already over", TODAY.minusYears(3), TODAY.minusDays(1)));
        as(me).post("/api/v1/gear", item("No warranty", null, null));

        assertThat(warrantyRun()).isGreaterThanOrEqualTo(1);

        await().atMost(Duration.ofSeconds(15)).until(() -> warnings(me) == 1);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !TestMail.to(me.email(), "warranty").isEmpty());
        assertThat(TestMail.to(me.email(), "warranty")).hasSize(1);
        assertThat(subject(me, 0)).contains("Tape echo");
        assertThat(as(me).get("/api/v1/notifications").text())
                .contains("warranty_ending")
                .contains(soon);

        warrantyRun();
        assertThat(warnings(me)).as("one warning per end date").isEqualTo(1);

        as(me).put("/api/v1/gear/" + soon, item("Tape echo", TODAY.minusYears(2), TODAY.plusDays(20)));
        warrantyRun();
        await().atMost(Duration.ofSeconds(15)).until(() -> warnings(me) == 2);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> TestMail.to(me.email(), "warranty").size() == 2);
    }

    private long warrantyRun() {
        return workers.stream()
                .filter(w -> w.name().equals("gear-warranty"))
                .findFirst()
                .orElseThrow()
                .run(new WorkerRun(Instant.now(), () -> false))
                .processed();
    }

    private long warnings(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :u AND type = 'warranty_ending'")
                .param("u", user.id())
                .query(Long.class)
                .single();
    }

    private static String subject(TestUser user, int index) {
        try {
            return TestMail.to(user.email(), "warranty").get(index).getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> item(String name, LocalDate purchased, LocalDate warrantyEnd) {
        Map<String, Object> item = new HashMap<>();
        item.put("name", name);
        item.put("purchase_date", purchased == null ? null : purchased.toString());
        item.put("warranty_end", warrantyEnd == null ? null : warrantyEnd.toString());
        item.put("category", "synth");
        item.put("notes", "id " + UUID.randomUUID());
        return item;
    }
}
