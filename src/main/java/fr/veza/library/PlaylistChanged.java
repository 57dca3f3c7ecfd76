package fr.veza.library;

import java.util.UUID;

/** A playlist was created, edited or deleted; listeners read its current state. */
public record PlaylistChanged(UUID playlistId, UUID ownerId) {}
