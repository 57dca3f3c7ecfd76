package fr.veza.platform.backup;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * How long erased data can outlive its erasure in the backups, as the privacy and DMCA pages state it
 * ({@code @backups} in templates). A deleted object is seen missing by the next run (within one interval) and
 * removed by the first run after the retention (within one more): retention plus two intervals, in whole days.
 */
@Component("backups")
public class BackupRetention {

    private final BackupSettings settings;

    BackupRetention(BackupSettings settings) {
        this.settings = settings;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public long days() {
        Duration bound = settings.retention().plus(settings.interval().multipliedBy(2));
        long days = bound.toDays();
        return bound.equals(Duration.ofDays(days)) ? days : days + 1;
    }
}
