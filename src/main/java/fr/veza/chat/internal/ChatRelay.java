package fr.veza.chat.internal;

import java.util.Collection;
import java.util.UUID;

/**
 * Carries a chat event to the open sockets of its recipients, wherever they are connected: through Redis
 * publish/subscribe when {@code REDIS_URL} is set (every instance delivers to its own sockets), in process
 * otherwise.
 */
interface ChatRelay {

    void publish(Collection<UUID> recipients, ChatEvent event);
}
