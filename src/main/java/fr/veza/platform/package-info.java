/**
 * Shared plumbing every capability stands on: configuration, errors, web and security plumbing, the
 * database, workers, rate limits and the audit trail. No business rules live here.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package fr.veza.platform;

import org.springframework.modulith.ApplicationModule;
