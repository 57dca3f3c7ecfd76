package fr.veza.developer;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.support.ApiResponse;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/**
 * Without WEBHOOKS_ALLOW_PRIVATE_TARGETS, in any environment, webhooks cannot be aimed inside the network. This
 * instance runs no workers: the other test instances, which allow their loopback receivers, deliver. It shares
 * its context with the flood limit tests.
 */
@TestPropertySource(
        properties = {
            "veza.webhooks.allow-private-targets=false",
            "veza.workers.enabled=false",
            "veza.identity.login.registrations-per-ip-per-hour=3",
            "veza.identity.login.failures-per-account=3"
        })
class WebhookTargetDefaultsIntegrationTests extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:5432/",
                "https://127.0.0.1/hook",
                "https://localhost/hook",
                "https://169.254.169.254/latest/meta-data/",
                "https://10.0.0.1/hook",
                "https://192.168.0.1/hook",
                "https://[::ffff:127.0.0.1]/hook",
                "https://[::ffff:a9fe:a9fe]/hook",
                "https://[::127.0.0.1]/hook",
                "https://[64:ff9b::a00:1]/hook",
                "https://[2002:7f00:1::]/hook",
                "http://93.184.216.34/hook"
            })
    void aLocalPrivateOrPlainHttpTargetIsRefusedAndNothingIsRegistered(String url) {
        TestUser artist = register("artist");

        ApiResponse refused = api().bearer(artist.accessToken())
                .post("/api/v1/developer/webhooks", Map.of("url", url, "events", List.of("track.ready")));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("validation_failed");
        assertThat(api().bearer(artist.accessToken())
                        .get("/api/v1/developer/webhooks")
                        .json())
                .isEmpty();
    }
}
