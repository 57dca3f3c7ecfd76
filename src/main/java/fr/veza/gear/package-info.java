/**
 * Gear: each person's inventory of music gear with purchase date and warranty end, and the daily warning before a
 * warranty ends (in-app through {@link fr.veza.gear.WarrantyEnding}, and by mail).
 */
@ApplicationModule(allowedDependencies = {"platform", "identity"})
package fr.veza.gear;

import org.springframework.modulith.ApplicationModule;
