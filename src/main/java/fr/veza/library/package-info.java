/**
 * Listeners' own collections: playlists, public or private, built from the tracks they may see.
 */
@ApplicationModule(allowedDependencies = {"platform", "identity", "catalog"})
package fr.veza.library;

import org.springframework.modulith.ApplicationModule;
