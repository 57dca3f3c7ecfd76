package fr.veza.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

/**
 * One WireMock server per test JVM serving the payment providers' documented HTTP APIs: Hyperswitch
 * ({@code /payments}, {@code /refunds}) and Stripe ({@code /v1/...}). Tests stub per object id, so they never
 * disturb one another.
 */
public final class TestProviders {

    /** What the tests' Hyperswitch signs webhooks with. */
    public static final String RESPONSE_HASH_KEY = "test-response-hash-key-0123456789";

    private static WireMockServer server;

    private TestProviders() {}

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(
                    options().dynamicPort().bindAddress("127.0.0.1").templatingEnabled(true));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        }
        return server;
    }

    public static String url() {
        return "http://127.0.0.1:" + server().port();
    }

    public static WireMock client() {
        return new WireMock(server());
    }
}
