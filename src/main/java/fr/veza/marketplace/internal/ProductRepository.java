package fr.veza.marketplace.internal;

import fr.veza.catalog.PublicTracks;
import fr.veza.marketplace.Money;
import fr.veza.platform.web.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProductRepository {

    private static final String COLUMNS =
            "id, seller_id, track_id, kind, licence_terms, price_minor, currency, status, created_at, updated_at";

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Product product) {
        jdbc.sql("INSERT INTO products (id, seller_id, track_id, kind, licence_terms, price_minor, currency)"
                        + " VALUES (:id, :seller, :track, :kind, :terms, :price, :currency)")
                .param("id", product.id())
                .param("seller", product.sellerId())
                .param("track", product.trackId())
                .param("kind", product.kind())
                .param("terms", product.licenceTerms())
                .param("price", product.price().minor())
                .param("currency", product.price().currency())
                .update();
    }

    Optional<Product> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE id = :id")
                .param("id", id)
                .query(ProductRepository::product)
                .optional();
    }

    List<Product> findAll(Collection<UUID> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE id IN (:ids)")
                .param("ids", ids)
                .query(ProductRepository::product)
                .list();
    }

    void update(UUID id, Money price, String licenceTerms, String status) {
        jdbc.sql("UPDATE products SET price_minor = :price, currency = :currency, licence_terms = :terms,"
                        + " status = :status, updated_at = now() WHERE id = :id")
                .param("price", price.minor())
                .param("currency", price.currency())
                .param("terms", licenceTerms)
                .param("status", status)
                .param("id", id)
                .update();
    }

    /** A seller's products in every state, published first, then newest first; narrowed to a track when set. */
    List<Product> bySeller(UUID sellerId, UUID trackId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE seller_id = :seller"
                        + (trackId == null ? "" : " AND track_id = :track")
                        + " ORDER BY status = 'published' DESC, created_at DESC, id DESC LIMIT :limit")
                .param("seller", sellerId)
                .params(trackId == null ? java.util.Map.of() : java.util.Map.of("track", trackId))
                .param("limit", limit)
                .query(ProductRepository::product)
                .list();
    }

    /**
     * Published products, newest first. {@code trackRule} is the {@link PublicTracks} condition the product's track
     * must meet for the caller, or null when the caller may see every track concerned (the seller's own list).
     */
    List<Product> published(UUID sellerId, UUID trackId, String trackRule, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM products WHERE status = 'published'");
        if (trackRule != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM tracks t WHERE t.id = products.track_id AND ")
                    .append(trackRule)
                    .append(')');
        }
        if (sellerId != null) {
            sql.append(" AND seller_id = :seller");
        }
        if (trackId != null) {
            sql.append(" AND track_id = :track");
        }
        if (after != null) {
            sql.append(" AND (created_at, id) < (:at, :afterId)");
        }
        var statement = jdbc.sql(sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit")
                        .toString())
                .param("limit", limit);
        if (sellerId != null) {
            statement = statement.param("seller", sellerId);
        }
        if (trackId != null) {
            statement = statement.param("track", trackId);
        }
        if (after != null) {
            statement = statement.param("at", Timestamp.from(after.at())).param("afterId", after.id());
        }
        return statement.query(ProductRepository::product).list();
    }

    private static Product product(ResultSet rs, int row) throws SQLException {
        return new Product(
                rs.getObject("id", UUID.class),
                rs.getObject("seller_id", UUID.class),
                rs.getObject("track_id", UUID.class),
                rs.getString("kind"),
                rs.getString("licence_terms"),
                new Money(rs.getLong("price_minor"), rs.getString("currency")),
                rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
