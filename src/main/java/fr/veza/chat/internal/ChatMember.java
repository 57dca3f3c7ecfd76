package fr.veza.chat.internal;

import java.time.Instant;
import java.util.UUID;

/** A member of a room, their receipts (delivered and read up to these message times), and whether a group admin. */
public record ChatMember(UUID userId, Instant deliveredThrough, Instant readThrough, boolean admin) {}
