package fr.veza.gear.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code gear_items}. */
public record GearItem(
        UUID id, UUID ownerId, Fields fields, Instant warrantyNotifiedAt, Instant createdAt, Instant updatedAt) {

    /** What its owner says about an item; a price is an amount in minor units with its currency, or neither. */
    public record Fields(
            String name,
            String brand,
            String model,
            String category,
            String serialNumber,
            LocalDate purchaseDate,
            Long purchasePriceMinor,
            String currency,
            LocalDate warrantyEnd,
            String notes) {}
}
