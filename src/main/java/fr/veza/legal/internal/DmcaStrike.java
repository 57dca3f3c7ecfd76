package fr.veza.legal.internal;

import java.time.Instant;
import java.util.UUID;

/** A strike an uploader got for a takedown; lifted when a counter-notice restored the track. */
public record DmcaStrike(UUID noticeId, String reference, Instant createdAt, Instant liftedAt) {}
