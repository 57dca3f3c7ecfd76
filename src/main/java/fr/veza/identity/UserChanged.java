package fr.veza.identity;

import java.util.UUID;

/**
 * An account's public face changed: it was created, its profile or role was edited, or it stopped being visible.
 * Listeners read the current state, so they are indifferent to order and repetition.
 */
public record UserChanged(UUID userId) {}
