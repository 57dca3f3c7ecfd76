package fr.veza.legal.internal;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code dmca_notices}: the notice, its review, and the counter-notice if any. */
public record DmcaNotice(
        UUID id,
        String reference,
        String status,
        String claimantName,
        String claimantAddress,
        String claimantEmail,
        String claimantPhone,
        String copyrightedWork,
        UUID trackId,
        String infringingUrl,
        String signature,
        UUID uploaderId,
        Instant createdAt,
        Instant reviewedAt,
        String rejectionReason,
        CounterNotice counterNotice,
        Instant restoreAfter,
        Instant courtActionAt,
        Instant restoredAt) {

    public record CounterNotice(
            String name, String address, String phone, String email, String signature, Instant receivedAt) {}

    public record Claim(
            String claimantName,
            String claimantAddress,
            String claimantEmail,
            String claimantPhone,
            String copyrightedWork,
            UUID trackId,
            String infringingUrl,
            String signature) {}
}
