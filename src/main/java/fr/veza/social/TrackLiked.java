package fr.veza.social;

import java.time.Instant;
import java.util.UUID;

/** Someone liked a track; published only when the like is new. */
public record TrackLiked(UUID userId, UUID trackId, UUID trackOwnerId, String trackTitle, Instant at) {}
