package fr.veza.catalog.web;

import fr.veza.catalog.internal.Track;
import fr.veza.catalog.internal.TrackStatus;
import fr.veza.catalog.internal.Visibility;
import fr.veza.identity.UserDirectory.UserSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A track as the API shows it; the owner also sees the processing message and the original file's details. */
record TrackView(
        UUID id,
        String title,
        String description,
        String genre,
        List<String> tags,
        Visibility visibility,
        TrackStatus status,
        String statusMessage,
        Owner owner,
        Long durationMs,
        long playCount,
        String streamUrl,
        String waveformUrl,
        Map<String, String> coverUrls,
        Map<String, String> sourceTags,
        Original original,
        Instant createdAt,
        Instant updatedAt) {

    static TrackView of(Track track, UserSummary owner, boolean manager, Map<String, String> coverUrls) {
        String base = "/api/v1/tracks/" + track.id();
        boolean ready = track.status() == TrackStatus.READY;
        return new TrackView(
                track.id(),
                track.title(),
                track.description(),
                track.genre(),
                track.tags(),
                track.visibility(),
                track.status(),
                manager ? track.statusMessage() : null,
                owner == null ? new Owner(track.ownerId(), null, null, null) : Owner.of(owner),
                track.durationMs(),
                track.playCount(),
                ready ? base + "/hls/master.m3u8" : null,
                ready ? base + "/waveform" : null,
                coverUrls,
                track.sourceTags(),
                manager
                        ? new Original(
                                track.originalFormat(),
                                track.originalSize(),
                                track.codec(),
                                track.bitrate(),
                                track.sampleRate(),
                                track.channels(),
                                base + "/original")
                        : null,
                track.createdAt(),
                track.updatedAt());
    }

    record Owner(UUID id, String username, String displayName, String avatarUrl) {
        static Owner of(UserSummary user) {
            return new Owner(user.id(), user.username(), user.displayName(), user.avatarUrl());
        }
    }

    /** The uploaded file as it arrived, for its owner. */
    record Original(
            String format,
            long sizeBytes,
            String codec,
            Integer bitrateKbps,
            Integer sampleRate,
            Integer channels,
            String url) {}
}
