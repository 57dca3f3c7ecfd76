/**
 * Privacy (GDPR): exports of everything Veza holds about a person, and the erasure worker that removes a closed
 * account from every store once its recovery period is over. It reaches each capability's data through the
 * {@link fr.veza.platform.privacy.PersonalData} every module implements, never through their tables.
 */
@ApplicationModule(allowedDependencies = {"platform", "identity", "search"})
package fr.veza.privacy;

import org.springframework.modulith.ApplicationModule;
