package fr.veza.social;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** Who blocked whom, for the capabilities a block reaches beyond social (chat). */
public interface Blocks {

    /** Whether either of the two blocked the other: they do not talk directly. */
    boolean between(UUID one, UUID other);

    /** Those of {@code people} who blocked {@code author}: a group's message of theirs is not for them. */
    Set<UUID> blockingAmong(UUID author, Collection<UUID> people);

    /** Those of {@code people} whom a block separates from {@code person}, whoever of the two made it. */
    Set<UUID> separatedFrom(UUID person, Collection<UUID> people);

    /** The people {@code blocker} blocked. */
    Set<UUID> blockedBy(UUID blocker);
}
