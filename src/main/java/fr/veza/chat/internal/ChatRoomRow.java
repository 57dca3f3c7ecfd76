package fr.veza.chat.internal;

import java.time.Instant;
import java.util.UUID;

/** A room as one member sees it: its last activity and how many messages they have not read. */
public record ChatRoomRow(UUID id, String kind, String name, Instant createdAt, Instant lastMessageAt, long unread) {}
