/**
 * Tracks: upload, processing into HLS, streaming, and the orphan cleanup that keeps the catalog honest.
 */
@ApplicationModule(allowedDependencies = {"platform", "identity"})
package fr.veza.catalog;

import org.springframework.modulith.ApplicationModule;
