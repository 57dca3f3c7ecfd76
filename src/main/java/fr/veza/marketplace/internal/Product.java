package fr.veza.marketplace.internal;

import fr.veza.marketplace.Money;
import java.time.Instant;
import java.util.UUID;

/** Something a seller offers: a track's download, or a licence to use it on stated terms. */
public record Product(
        UUID id,
        UUID sellerId,
        UUID trackId,
        String kind,
        String licenceTerms,
        Money price,
        String status,
        Instant createdAt,
        Instant updatedAt) {

    public static final String DOWNLOAD = "download";
    public static final String LICENCE = "licence";

    public boolean published() {
        return "published".equals(status);
    }
}
