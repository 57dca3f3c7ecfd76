package fr.veza.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.veza.client.ApiClient;
import fr.veza.client.ApiException;
import fr.veza.client.api.AccountsApi;
import fr.veza.client.api.CatalogApi;
import fr.veza.client.model.AuthRequestsRegister;
import fr.veza.client.model.AuthResponsesRegistered;
import fr.veza.client.model.TrackView;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestMedia;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The client the test build generates from the committed OpenAPI document (openapi-generator, Java, native HTTP
 * client) works against the real server: what an outside developer gets from the document is enough to sign up,
 * upload a track and read it back.
 */
class GeneratedClientIntegrationTests extends IntegrationTest {

    @Test
    void aGeneratedClientSignsUpUploadsAndReadsATrack() throws Exception {
        String name = "gen" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        AuthResponsesRegistered registered = new AccountsApi(client(null))
                .authRegister(new AuthRequestsRegister()
                        .email(name + "@example.com")
                        .username(name)
                        .password("a generated passphrase")
                        .role(AuthRequestsRegister.RoleEnum.ARTIST));
        assertThat(registered.getUser().getUsername()).isEqualTo(name);

        CatalogApi catalog = new CatalogApi(client(registered.getAccessToken()));
        TrackView uploaded = catalog.trackUpload(
                TestMedia.tone(3, "mp3").toFile(),
                TestMedia.coverPng().toFile(),
                "Generated",
                "Uploaded by a generated client",
                "ambient",
                List.of("field", "drone"),
                "public");
        assertThat(uploaded.getStatus()).isEqualTo(TrackView.StatusEnum.PROCESSING);

        TrackView ready = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> catalog.trackGet(uploaded.getId()),
                        track -> track.getStatus() == TrackView.StatusEnum.READY);
        assertThat(ready.getTitle()).isEqualTo("Generated");
        assertThat(ready.getTags()).containsExactly("field", "drone");
        assertThat(ready.getDurationMs()).isBetween(2_500L, 3_500L);
        assertThat(ready.getCoverUrls()).containsKeys("64", "256", "1024");

        TrackView anonymous = new CatalogApi(client(null)).trackGet(uploaded.getId());
        assertThat(anonymous.getOwner().getUsername()).isEqualTo(name);
        assertThatThrownBy(() -> new CatalogApi(client(null)).trackGet(UUID.randomUUID()))
                .isInstanceOfSatisfying(ApiException.class, missing -> {
                    assertThat(missing.getCode()).isEqualTo(404);
                    assertThat(missing.getResponseBody()).contains("\"code\"");
                });
    }

    private ApiClient client(String accessToken) {
        ApiClient client =
                new ApiClient().setScheme("http").setHost("localhost").setPort(port);
        String address = "203.0.113." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
        client.setRequestInterceptor(request -> {
            request.header("X-Forwarded-For", address);
            if (accessToken != null) {
                request.header("Authorization", "Bearer " + accessToken);
            }
        });
        return client;
    }
}
