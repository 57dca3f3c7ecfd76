package fr.veza.identity.internal;

import java.time.Instant;
import java.util.UUID;

/** A login session as its owner sees it: one refresh-token family. */
public record ActiveSession(
        UUID id, Instant startedAt, Instant lastRefreshedAt, Instant expiresAt, String ipAddress, String userAgent) {}
