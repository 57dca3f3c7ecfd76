/**
 * Accounts, sessions, roles and authentication. Its root package is the public face other modules use: the
 * {@link fr.veza.identity.CurrentUser} of a request and the {@link fr.veza.identity.Role}s.
 */
@ApplicationModule(allowedDependencies = "platform")
package fr.veza.identity;

import org.springframework.modulith.ApplicationModule;
