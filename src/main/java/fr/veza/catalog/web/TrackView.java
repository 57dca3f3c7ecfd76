package fr.veza.catalog.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import fr.veza.catalog.Loudness;
import fr.veza.catalog.TrackEngagement;
import fr.veza.catalog.TrackOffers;
import fr.veza.catalog.internal.Track;
import fr.veza.catalog.internal.TrackStatus;
import fr.veza.catalog.internal.Visibility;
import fr.veza.identity.UserDirectory.UserSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A track as the API shows it; the owner also sees the processing message and the original file's details. Its
 * {@code loudness} is null until the track is measured.
 */
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
        Engagement engagement,
        List<Offer> offers,
        Boolean bought,
        Instant createdAt,
        Instant updatedAt,
        Instant takenDownAt,
        Loudness loudness) {

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
                null,
                null,
                null,
                track.createdAt(),
                track.updatedAt(),
                manager ? track.takenDownAt() : null,
                ready ? track.loudness() : null);
    }

    /** The single-track read: what a track page shows beside the track, so that it needs no other call. */
    TrackView with(TrackEngagement.Counts counts, List<TrackOffers.Offer> onSale, boolean viewerBought) {
        return new TrackView(
                id,
                title,
                description,
                genre,
                tags,
                visibility,
                status,
                statusMessage,
                owner,
                durationMs,
                playCount,
                streamUrl,
                waveformUrl,
                coverUrls,
                sourceTags,
                original,
                new Engagement(counts.likes(), counts.reposts(), counts.comments(), counts.liked(), counts.reposted()),
                onSale.stream().map(Offer::of).toList(),
                viewerBought,
                createdAt,
                updatedAt,
                takenDownAt,
                loudness);
    }

    /** Whether the track is withheld on a copyright notice (known to its owner only). */
    @JsonIgnore
    public boolean isTakenDown() {
        return takenDownAt != null;
    }

    /** Whether anything is for sale on the track. */
    @JsonIgnore
    public boolean forSale() {
        return offers != null && !offers.isEmpty();
    }

    record Owner(UUID id, String username, String displayName, String avatarUrl) {
        static Owner of(UserSummary user) {
            return new Owner(user.id(), user.username(), user.displayName(), user.avatarUrl());
        }
    }

    /** Counts of the single-track read, with whether the viewer liked or reposted it (false for visitors). */
    record Engagement(long likes, long reposts, long comments, boolean liked, boolean reposted) {}

    /** Something for sale on the track: buying it is {@code POST /api/v1/marketplace/orders} with the product id. */
    record Offer(UUID productId, String kind, String licenceTerms, Price price) {

        static Offer of(TrackOffers.Offer offer) {
            return new Offer(
                    offer.productId(), offer.kind(), offer.licenceTerms(), new Price(offer.amount(), offer.currency()));
        }
    }

    /** In the currency's minor unit, as the marketplace writes prices. */
    record Price(long amount, String currency) {}

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
