/**
 * The developer platform beyond API keys: outgoing webhooks that tell a person's own systems about events on their
 * own data, signed, retried and logged.
 */
@ApplicationModule(allowedDependencies = {"platform", "identity", "catalog", "social", "marketplace"})
package fr.veza.developer;

import org.springframework.modulith.ApplicationModule;
