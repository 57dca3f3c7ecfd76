package fr.veza.chat.internal;

import java.util.UUID;

/**
 * What a message shows of a Veza track or playlist it links to: the title, who made it (a playlist's owner) and
 * the cover when there is one.
 */
public record LinkCard(String type, UUID id, String title, String artist, String coverUrl, String href) {}
