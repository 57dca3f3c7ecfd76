package fr.veza.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.veza.platform.errors.VezaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundTargetsTests {

    private final OutboundTargets production = new OutboundTargets(true);
    private final OutboundTargets development = new OutboundTargets(false);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/hook",
                "https://localhost/hook",
                "https://10.1.2.3/hook",
                "https://172.16.0.1/hook",
                "https://192.168.1.10/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/hook",
                "https://0.0.0.0/hook",
                "https://[::1]/hook",
                "https://[fc00::1]/hook",
                "https://[fe80::1]/hook",
                "https://224.0.0.1/hook",
                "http://93.184.216.34/hook",
                "https://user:pass@93.184.216.34/hook",
                "ftp://93.184.216.34/hook",
                "https://no-such-host.invalid/hook",
                "not a url"
            })
    void productionRefusesLocalPrivateAndPlainTargets(String url) {
        assertThatThrownBy(() -> production.requireAllowed(url))
                .isInstanceOf(VezaException.class)
                .hasMessageStartingWith("url");
    }

    @Test
    void productionAcceptsAPublicHttpsTarget() {
        assertThat(production.requireAllowed("https://93.184.216.34/hooks/veza").getHost())
                .isEqualTo("93.184.216.34");
    }

    @Test
    void developmentAcceptsALocalReceiver() {
        assertThat(development.requireAllowed("http://localhost:9000/hook").getPort())
                .isEqualTo(9000);
        assertThatThrownBy(() -> development.requireAllowed("file:///etc/passwd"))
                .isInstanceOf(VezaException.class);
    }
}
