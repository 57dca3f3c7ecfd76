package fr.veza.social;

import java.util.UUID;

/** Someone reposted a track (or took the repost back): their followers' feeds changed. */
public record TrackReposted(UUID userId, UUID trackId) {}
