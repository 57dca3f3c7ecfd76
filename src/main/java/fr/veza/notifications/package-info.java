/**
 * What people are told about: new followers, likes and comments on their tracks, built from other modules' events.
 */
@ApplicationModule(
        allowedDependencies = {
            "platform",
            "identity",
            "social",
            "marketplace",
            "gear",
            "chat",
            "legal",
            "catalog",
            "moderation"
        })
package fr.veza.notifications;

import org.springframework.modulith.ApplicationModule;
