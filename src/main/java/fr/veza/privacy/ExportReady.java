package fr.veza.privacy;

import java.time.Instant;
import java.util.UUID;

/** A person's export can be downloaded until {@code expiresAt}. */
public record ExportReady(UUID exportId, UUID userId, Instant expiresAt) {}
