package fr.veza.legal;

import java.util.UUID;

/** A track was taken down on a copyright notice, after commit; the uploader is told (and sent the formal notice). */
public record TrackTakenDown(UUID noticeId, String reference, UUID trackId, UUID uploaderId) {}
