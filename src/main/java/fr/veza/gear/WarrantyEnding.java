package fr.veza.gear;

import java.time.LocalDate;
import java.util.UUID;

/** A gear item's warranty ends soon; published once per end date, in the transaction that claims the warning. */
public record WarrantyEnding(UUID itemId, UUID ownerId, String name, LocalDate warrantyEnd) {}
