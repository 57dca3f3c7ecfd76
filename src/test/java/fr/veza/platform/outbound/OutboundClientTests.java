package fr.veza.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The address a delivery connects to is checked after the sender's own name resolution: a target that passed the
 * check when registered and now resolves to a local address (DNS rebinding) is never reached.
 */
class OutboundClientTests {

    private HttpServer receiver;
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aNameThatResolvesToALocalAddressWhenDeliveringIsNotConnectedTo() throws Exception {
        try (OutboundClient strict = new OutboundClient(new OutboundTargets(true), Duration.ofSeconds(2), "test")) {
            URI rebound = URI.create("http://localhost:" + receiver.getAddress().getPort() + "/hook");

            assertThatThrownBy(() -> strict.post(rebound, Map.of(), "{}"))
                    .isInstanceOf(OutboundTargets.InternalTargetException.class);
            assertThat(hits).hasValue(0);
        }
    }

    @Test
    void aRedirectIsReportedAsItsStatusAndNotFollowed() throws Exception {
        try (OutboundClient local = new OutboundClient(new OutboundTargets(false), Duration.ofSeconds(2), "test")) {
            int status = local.post(
                    URI.create("http://localhost:" + receiver.getAddress().getPort() + "/hook"), Map.of(), "{}");

            assertThat(status).isEqualTo(302);
            assertThat(hits).hasValue(1);
        }
    }
}
