package fr.veza.identity.internal;

import fr.veza.identity.ApiScope;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API key as its owner sees it; never the key itself. */
public record ApiKey(
        UUID id,
        UUID userId,
        String name,
        String prefix,
        Set<ApiScope> scopes,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt) {}
