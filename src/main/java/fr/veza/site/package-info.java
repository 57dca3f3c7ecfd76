/**
 * The web app's shared pages and frame: the layout every page uses (header, search box, the player bar that keeps
 * playing across navigations), the home page, and the error pages a browser sees. It composes other modules'
 * public APIs only; each capability serves its own pages beside its REST controllers.
 */
@ApplicationModule(allowedDependencies = {"platform", "identity", "catalog"})
package fr.veza.site;

import org.springframework.modulith.ApplicationModule;
