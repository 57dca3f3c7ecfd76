package fr.veza.gear.internal;

import fr.veza.platform.web.Cursor;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code gear_items}; every read and write but the notifier's names the owner. */
@Repository
class GearRepository {

    private static final String COLUMNS = "id, owner_id, name, brand, model, category, serial_number, purchase_date,"
            + " purchase_price_minor, currency, warranty_end, notes, warranty_notified_at, created_at, updated_at";

    private final JdbcClient jdbc;

    GearRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    GearItem insert(UUID ownerId, GearItem.Fields fields) {
        return jdbc.sql("""
                        INSERT INTO gear_items (id, owner_id, name, brand, model, category, serial_number,
                                                purchase_date, purchase_price_minor, currency, warranty_end, notes)
                        VALUES (:id, :owner, :name, :brand, :model, :category, :serial, :purchased, :price,
                                :currency, :warranty, :notes)
                        RETURNING\s""" + COLUMNS)
                .paramSource(fields(fields).addValue("id", UUID.randomUUID()).addValue("owner", ownerId))
                .query(GearRepository::map)
                .single();
    }

    /** Replaces the fields; a new warranty end gets a warning of its own. */
    Optional<GearItem> update(UUID id, UUID ownerId, GearItem.Fields fields) {
        return jdbc.sql("""
                        UPDATE gear_items SET name = :name, brand = :brand, model = :model, category = :category,
                               serial_number = :serial, purchase_date = :purchased, purchase_price_minor = :price,
                               currency = :currency, notes = :notes,
                               warranty_notified_at = CASE WHEN warranty_end IS DISTINCT FROM :warranty THEN NULL
                                                           ELSE warranty_notified_at END,
                               warranty_end = :warranty, updated_at = now()
                        WHERE id = :id AND owner_id = :owner
                        RETURNING\s""" + COLUMNS)
                .paramSource(fields(fields).addValue("id", id).addValue("owner", ownerId))
                .query(GearRepository::map)
                .optional();
    }

    Optional<GearItem> find(UUID id, UUID ownerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM gear_items WHERE id = :id AND owner_id = :owner")
                .param("id", id)
                .param("owner", ownerId)
                .query(GearRepository::map)
                .optional();
    }

    boolean delete(UUID id, UUID ownerId) {
        return jdbc.sql("DELETE FROM gear_items WHERE id = :id AND owner_id = :owner")
                        .param("id", id)
                        .param("owner", ownerId)
                        .update()
                == 1;
    }

    List<GearItem> page(UUID ownerId, Cursor after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM gear_items WHERE owner_id = :owner"
                        + (after == null ? "" : " AND (created_at, id) < (:at, :afterId)")
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("owner", ownerId)
                .param("at", after == null ? null : Timestamp.from(after.at()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit)
                .query(GearRepository::map)
                .list();
    }

    int countOf(UUID ownerId) {
        return jdbc.sql("SELECT count(*) FROM gear_items WHERE owner_id = :owner")
                .param("owner", ownerId)
                .query(Integer.class)
                .single();
    }

    /**
     * Claims the warnings due: warranties ending from {@code today} to {@code lastDay} not warned about yet. The
     * claim and the caller's event commit together, so each end date is warned about once, on one instance.
     */
    List<GearItem> claimWarrantiesEnding(LocalDate today, LocalDate lastDay, int limit) {
        return jdbc.sql("""
                        UPDATE gear_items SET warranty_notified_at = now()
                        WHERE id IN (SELECT id FROM gear_items
                                     WHERE warranty_notified_at IS NULL AND warranty_end BETWEEN :today AND :last
                                     ORDER BY warranty_end LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + COLUMNS)
                .param("today", Date.valueOf(today))
                .param("last", Date.valueOf(lastDay))
                .param("limit", limit)
                .query(GearRepository::map)
                .list();
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource fields(GearItem.Fields f) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("name", f.name())
                .addValue("brand", f.brand())
                .addValue("model", f.model())
                .addValue("category", f.category())
                .addValue("serial", f.serialNumber())
                .addValue("purchased", f.purchaseDate() == null ? null : Date.valueOf(f.purchaseDate()))
                .addValue("price", f.purchasePriceMinor())
                .addValue("currency", f.currency())
                .addValue(
                        "warranty", f.warrantyEnd() == null ? null : Date.valueOf(f.warrantyEnd()), java.sql.Types.DATE)
                .addValue("notes", f.notes());
    }

    private static GearItem map(ResultSet rs, int row) throws SQLException {
        Date purchased = rs.getDate("purchase_date");
        Date warranty = rs.getDate("warranty_end");
        Timestamp notified = rs.getTimestamp("warranty_notified_at");
        Long price = rs.getObject("purchase_price_minor", Long.class);
        return new GearItem(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                new GearItem.Fields(
                        rs.getString("name"),
                        rs.getString("brand"),
                        rs.getString("model"),
                        rs.getString("category"),
                        rs.getString("serial_number"),
                        purchased == null ? null : purchased.toLocalDate(),
                        price,
                        rs.getString("currency"),
                        warranty == null ? null : warranty.toLocalDate(),
                        rs.getString("notes")),
                notified == null ? null : notified.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
