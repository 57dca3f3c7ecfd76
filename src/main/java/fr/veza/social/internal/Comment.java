package fr.veza.social.internal;

import java.time.Instant;
import java.util.UUID;

public record Comment(UUID id, UUID trackId, UUID authorId, String body, Instant createdAt) {}
