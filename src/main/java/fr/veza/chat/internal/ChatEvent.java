package fr.veza.chat.internal;

import java.util.Map;

/**
 * What a socket receives, as one JSON object: {@code type} ({@code message}, {@code message_edited},
 * {@code message_deleted}, {@code typing}, {@code receipt}, {@code error}) and its fields.
 */
record ChatEvent(String type, Map<String, Object> fields) {}
