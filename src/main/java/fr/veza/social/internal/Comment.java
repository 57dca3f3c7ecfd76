package fr.veza.social.internal;

import java.time.Instant;
import java.util.UUID;

/** @param hidden hidden by moderators: only its author (and moderators, in their queue) still see it */
public record Comment(UUID id, UUID trackId, UUID authorId, String body, Instant createdAt, boolean hidden) {}
