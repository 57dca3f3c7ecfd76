package fr.veza.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Whether someone has Veza open: a socket on any instance, seen within the last half minute or so. */
public interface Presence {

    /**
     * When the person was last seen, if they have had no socket open for at least {@code away}; {@link Instant#EPOCH}
     * for someone never seen; empty while they are here (or were a moment ago).
     */
    Optional<Instant> awaySince(UUID userId, Duration away);
}
