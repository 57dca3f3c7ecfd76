package fr.veza.search.internal;

import fr.veza.search.SearchErasure;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** PostgreSQL search reads the rows themselves: erasing the rows erased the results. */
@Component
@ConditionalOnProperty(name = "veza.search.engine", havingValue = "postgres", matchIfMissing = true)
class NoIndexErasure implements SearchErasure {

    @Override
    public Exception erase(UUID userId, List<UUID> trackIds, List<UUID> playlistIds) {
        return null;
    }
}
