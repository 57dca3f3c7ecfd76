package fr.veza.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** How other modules name people: the public face of an account, never its private fields. */
public interface UserDirectory {

    Optional<UserSummary> find(UUID id);

    /** Summaries of the active accounts among {@code ids}; unknown or deleted ids are simply absent. */
    Map<UUID, UserSummary> findAll(Collection<UUID> ids);

    record UserSummary(UUID id, String username, String displayName, String avatarUrl) {}
}
