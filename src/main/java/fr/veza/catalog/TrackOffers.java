package fr.veza.catalog;

import java.util.List;
import java.util.UUID;

/** What is for sale on a track, so that its view shows "Buy" with the price: the marketplace provides them. */
public interface TrackOffers {

    List<Offer> on(UUID trackId);

    /** @param amount in the currency's minor unit */
    record Offer(UUID productId, String kind, String licenceTerms, long amount, String currency) {}
}
