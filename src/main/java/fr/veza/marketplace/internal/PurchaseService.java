package fr.veza.marketplace.internal;

import fr.veza.catalog.DownloadRights;
import fr.veza.identity.CurrentUser;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** What a buyer owns: their purchases, their licences, and the right to download what they bought. */
@Service
public class PurchaseService implements DownloadRights {

    private final PurchaseRepository purchases;

    PurchaseService(PurchaseRepository purchases) {
        this.purchases = purchases;
    }

    public CursorPage<Purchase> mine(CurrentUser buyer, Cursor after, int limit) {
        return CursorPage.of(
                purchases.page(buyer.id(), after, limit + 1), limit, p -> new Cursor(p.grantedAt(), p.id()));
    }

    /** The buyer's own purchase (an admin may read any); refunded ones answer 410. */
    public Purchase active(CurrentUser viewer, UUID id) {
        Purchase purchase = purchases
                .find(id)
                .filter(p -> p.buyerId().equals(viewer.id()) || viewer.isAdmin())
                .orElseThrow(() -> VezaException.notFound("Purchase " + id));
        if (!purchase.active()) {
            throw new VezaException(
                    ErrorCode.PURCHASE_REVOKED,
                    "This purchase was refunded on " + purchase.revokedAt()
                            + "; its licence and download are revoked.");
        }
        return purchase;
    }

    @Override
    public boolean mayDownload(UUID trackId, UUID userId) {
        return purchases.owns(userId, trackId);
    }

    @Override
    public boolean anyHolder(UUID trackId) {
        return purchases.anyActive(trackId);
    }
}
