package fr.veza.chat.internal;

import java.time.Instant;
import java.util.UUID;

/** A member of a room and their receipts: delivered and read up to these message times. */
public record ChatMember(UUID userId, Instant deliveredThrough, Instant readThrough) {}
