package fr.veza.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.veza.platform.config.AppEnvironment;
import fr.veza.platform.config.PlatformSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class ClientIpResolverTests {

    private final ClientIpResolver resolver = new ClientIpResolver(new PlatformSettings(
            AppEnvironment.TEST,
            Path.of("data"),
            URI.create("http://localhost:8080"),
            List.of("10.0.0.0/8", "192.168.1.1"),
            DataSize.ofMegabytes(1),
            null,
            null,
            Duration.ofHours(1)));

    @Test
    void theSocketPeerIsTheClientWhenItIsNotAProxy() {
        assertThat(resolver.resolve(request("203.0.113.5", "1.2.3.4"))).isEqualTo("203.0.113.5");
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertThat(resolver.resolve(request("10.1.2.3", "198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void theRightMostUntrustedHopWinsSoAClientCannotPrependAnAddress() {
        assertThat(resolver.resolve(request("10.1.2.3", "6.6.6.6, 198.51.100.7, 192.168.1.1")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void garbageInTheHeaderFallsBackToThePeer() {
        assertThat(resolver.resolve(request("10.1.2.3", "<script>"))).isEqualTo("10.1.2.3");
        assertThat(resolver.resolve(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
    }

    @Test
    void ipv6PeersAreHandled() {
        assertThat(resolver.resolve(request("2001:db8::1", "198.51.100.7"))).isEqualTo("2001:db8::1");
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
