/**
 * Finding users, tracks and playlists: PostgreSQL full-text and trigram search by default, OpenSearch when
 * configured, kept in step with committed changes through the event outbox.
 */
@ApplicationModule(allowedDependencies = {"platform", "identity", "catalog", "library"})
package fr.veza.search;

import org.springframework.modulith.ApplicationModule;
