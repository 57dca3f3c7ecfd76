package fr.veza.chat.internal;

import java.time.Instant;

/**
 * What others may see of someone's presence: online, away (Veza open in the background) or offline, and when
 * they were last seen.
 */
public record PresenceView(String status, Instant lastSeenAt) {}
