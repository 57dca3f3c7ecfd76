package fr.veza.catalog;

import java.util.UUID;

/**
 * A track's searchable or visible state changed: its details, its visibility, its availability, or it was
 * deleted. Carries only ids; listeners read the current state, so they are indifferent to order and repetition.
 */
public record TrackChanged(UUID trackId, UUID ownerId) {}
