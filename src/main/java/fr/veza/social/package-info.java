/**
 * People and tracks together: likes, follows, reposts, comments and the feed of followed artists.
 */
@ApplicationModule(allowedDependencies = {"platform", "identity", "catalog"})
package fr.veza.social;

import org.springframework.modulith.ApplicationModule;
