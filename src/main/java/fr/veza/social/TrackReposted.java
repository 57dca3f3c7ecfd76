package fr.veza.social;

import java.util.UUID;

/**
 * Someone reposted a track (or took the repost back): their followers' feeds changed.
 *
 * @param trackOwnerId who uploaded the track, when it was reposted; null for a repost taken back
 * @param reposted true for a repost, false for one taken back
 */
public record TrackReposted(UUID userId, UUID trackId, UUID trackOwnerId, String trackTitle, boolean reposted) {}
