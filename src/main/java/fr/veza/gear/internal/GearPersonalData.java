package fr.veza.gear.internal;

import fr.veza.platform.privacy.ExportFiles;
import fr.veza.platform.privacy.PersonalData;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The person's gear inventory: exported whole, deleted by the erasure. */
@Component
class GearPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    GearPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void export(UUID userId, ExportFiles files) throws IOException {
        files.rows(
                "gear.json",
                "Your gear inventory: each item with brand, model, serial number, purchase date and price, warranty"
                        + " end, notes.",
                """
                SELECT id, name, brand, model, category, serial_number, purchase_date, purchase_price_minor, currency,
                       warranty_end, notes, created_at, updated_at
                FROM gear_items WHERE owner_id = :user ORDER BY created_at, id
                """,
                Map.of("user", userId));
    }

    @Override
    public Map<String, Integer> erase(UUID userId) {
        return Map.of(
                "gear_items",
                jdbc.sql("DELETE FROM gear_items WHERE owner_id = :user")
                        .param("user", userId)
                        .update());
    }
}
