package fr.veza.catalog;

import java.time.Instant;
import java.util.UUID;

/** A track finished processing and can be streamed. Published in the transaction that made it ready. */
public record TrackReady(UUID trackId, UUID ownerId, String title, long durationMs, Instant readyAt) {}
