package fr.veza.platform.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTests {

    @Test
    void doublesPerRetryUpToTheCap() {
        Duration base = Duration.ofSeconds(1);
        Duration max = Duration.ofSeconds(10);

        assertThat(Backoff.doubling(base, 0, max)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.doubling(base, 3, max)).isEqualTo(Duration.ofSeconds(8));
        assertThat(Backoff.doubling(base, 4, max)).isEqualTo(Duration.ofSeconds(10)); // 16 s capped
        assertThat(Backoff.doubling(base, Integer.MAX_VALUE, max)).isEqualTo(max);
    }
}
