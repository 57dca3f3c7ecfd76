/**
 * Legal (DMCA): copyright notices by the book of 17 USC 512, the admin queue that takes tracks down or rejects
 * notices, uploaders' counter-notices, restoration after the waiting period, and strikes against repeat
 * infringers. Every step is in the audit log.
 */
@ApplicationModule(allowedDependencies = {"platform", "identity", "catalog"})
package fr.veza.legal;

import org.springframework.modulith.ApplicationModule;
