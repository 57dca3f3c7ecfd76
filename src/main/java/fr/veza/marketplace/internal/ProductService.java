package fr.veza.marketplace.internal;

import fr.veza.catalog.PublicTracks;
import fr.veza.catalog.TrackCatalog;
import fr.veza.catalog.TrackOffers;
import fr.veza.catalog.TrackSummary;
import fr.veza.identity.CurrentUser;
import fr.veza.marketplace.Money;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Listing, editing and unpublishing products; a seller sells only their own ready tracks. */
@Service
public class ProductService implements TrackOffers {

    /** One download and one licence at most are published per track; the margin is for safety only. */
    private static final int OFFERS_PER_TRACK = 10;

    private final ProductRepository products;
    private final TrackCatalog tracks;

    ProductService(ProductRepository products, TrackCatalog tracks) {
        this.products = products;
        this.tracks = tracks;
    }

    public Product create(CurrentUser seller, UUID trackId, String kind, String licenceTerms, Money price) {
        TrackSummary track = tracks.findVisible(trackId, seller)
                .filter(t -> t.ownerId().equals(seller.id()))
                .orElseThrow(() -> VezaException.invalid("track_id", "must be one of your own tracks"));
        if (!"ready".equals(track.status())) {
            throw VezaException.invalid("track_id", "the track is not ready yet");
        }
        Product product = new Product(
                UUID.randomUUID(),
                seller.id(),
                trackId,
                kind,
                terms(kind, licenceTerms),
                price,
                "published",
                null,
                null);
        try {
            products.insert(product);
        } catch (DuplicateKeyException taken) {
            throw new VezaException(ErrorCode.CONFLICT, "This track already has a published " + kind + " product.");
        }
        return products.find(product.id()).orElseThrow();
    }

    /** A published product, or any state for its seller and admins; anything else is absent. */
    public Product get(UUID id, CurrentUser viewer) {
        return products.find(id)
                .filter(p -> p.published() || mayManage(p, viewer))
                .orElseThrow(() -> VezaException.notFound("Product " + id));
    }

    /**
     * Products on sale whose track the viewer may see: in listings only public tracks; asked for by track, also an
     * unlisted one (whoever has its link may buy it); the seller's own list, everything they publish.
     */
    public CursorPage<Product> list(UUID sellerId, UUID trackId, CurrentUser viewer, Cursor after, int limit) {
        boolean ownList = viewer != null && sellerId != null && (sellerId.equals(viewer.id()) || viewer.isAdmin());
        String trackRule = ownList ? null : trackId != null ? PublicTracks.REACHABLE : PublicTracks.LISTED;
        return CursorPage.of(
                products.published(sellerId, trackId, trackRule, after, limit + 1),
                limit,
                p -> new Cursor(p.createdAt(), p.id()));
    }

    /** What the seller offers, withdrawn offers included, for their own pages; on one track when it is given. */
    public List<Product> mine(CurrentUser seller, UUID trackId, int limit) {
        return products.bySeller(seller.id(), trackId, limit);
    }

    /** The track's view asks after checking the viewer may see the track, so no track rule applies here. */
    @Override
    public List<TrackOffers.Offer> on(UUID trackId) {
        return products.published(null, trackId, null, null, OFFERS_PER_TRACK).stream()
                .map(p -> new TrackOffers.Offer(
                        p.id(),
                        p.kind(),
                        p.licenceTerms(),
                        p.price().minor(),
                        p.price().currency()))
                .toList();
    }

    public Product update(CurrentUser user, UUID id, Money price, String licenceTerms, Boolean published) {
        Product product = manageable(id, user);
        Money newPrice = price == null ? product.price() : price;
        String newTerms = licenceTerms == null ? product.licenceTerms() : terms(product.kind(), licenceTerms);
        String status = published == null ? product.status() : published ? "published" : "unpublished";
        try {
            products.update(id, newPrice, newTerms, status);
        } catch (DuplicateKeyException taken) {
            throw new VezaException(
                    ErrorCode.CONFLICT, "This track already has a published " + product.kind() + " product.");
        }
        return products.find(id).orElseThrow();
    }

    private Product manageable(UUID id, CurrentUser user) {
        Product product = products.find(id).orElseThrow(() -> VezaException.notFound("Product " + id));
        if (!mayManage(product, user)) {
            throw product.published()
                    ? VezaException.forbidden("Only its seller may change a product.")
                    : VezaException.notFound("Product " + id);
        }
        return product;
    }

    private static boolean mayManage(Product product, CurrentUser viewer) {
        return viewer != null && (viewer.id().equals(product.sellerId()) || viewer.isAdmin());
    }

    private static String terms(String kind, String licenceTerms) {
        String terms = licenceTerms == null ? null : licenceTerms.strip();
        if (Product.LICENCE.equals(kind) && (terms == null || terms.isEmpty())) {
            throw VezaException.invalid("licence_terms", "a licence needs its terms");
        }
        return terms == null || terms.isEmpty() ? null : terms;
    }
}
