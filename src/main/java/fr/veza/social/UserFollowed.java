package fr.veza.social;

import java.time.Instant;
import java.util.UUID;

/** Someone started following someone; published only when the follow is new. */
public record UserFollowed(UUID followerId, UUID followingId, Instant at) {}
