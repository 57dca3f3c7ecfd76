package fr.veza.legal;

import java.util.UUID;

/** A track taken down on a notice is back, the counter-notice's waiting period over, after commit. */
public record TrackRestored(UUID noticeId, String reference, UUID trackId, UUID uploaderId) {}
