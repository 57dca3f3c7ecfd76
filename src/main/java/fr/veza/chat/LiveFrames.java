package fr.veza.chat;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Frames for the open sockets of some people, on whichever instance they are connected: the socket the web app
 * and API clients keep open carries more than chat (a {@code notification} frame, for instance). Delivery is best
 * effort: someone with no socket open gets nothing, and finds the change through the REST API.
 */
public interface LiveFrames {

    /** Sends {@code {"type": type, ...fields}} to every socket of each recipient, after the caller's commit. */
    void send(Collection<UUID> recipients, String type, Map<String, Object> fields);
}
