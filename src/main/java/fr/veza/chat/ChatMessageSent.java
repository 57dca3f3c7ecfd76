package fr.veza.chat;

import java.util.List;
import java.util.UUID;

/**
 * A message was sent in a room, after commit: the other members may want to hear of it while away.
 *
 * @param roomName the group's name, null for a direct room
 * @param excerpt the start of the message, for a notification line
 * @param recipients the room's members other than the author (and those who blocked them)
 * @param mentioned the recipients the message names as {@code @username}
 */
public record ChatMessageSent(
        UUID messageId,
        UUID roomId,
        String roomName,
        UUID authorId,
        String excerpt,
        List<UUID> recipients,
        List<UUID> mentioned) {}
