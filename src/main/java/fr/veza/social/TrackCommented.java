package fr.veza.social;

import java.time.Instant;
import java.util.UUID;

/** A comment was posted on a track. */
public record TrackCommented(
        UUID commentId,
        UUID authorId,
        UUID trackId,
        UUID trackOwnerId,
        String trackTitle,
        String excerpt,
        Instant at) {}
