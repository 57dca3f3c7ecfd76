/**
 * Chat: direct and group rooms, messages sent, edited and deleted, delivered and read receipts, typing indicators,
 * over a WebSocket (with the REST API for history and changes), fanned out to every instance through Redis.
 */
@ApplicationModule(allowedDependencies = {"platform", "identity", "social", "catalog", "library"})
package fr.veza.chat;

import org.springframework.modulith.ApplicationModule;
