/**
 * The Subsonic and OpenSubsonic API at {@code /rest}, for the music players people already use (DSub, Symfonium,
 * Feishin, Supersonic...). Players sign in with app passwords or API keys through identity's
 * {@code PlayerCredentials}; every answer is HTTP 200 with {@code status="ok"} or {@code "failed"} and a Subsonic
 * error code, in XML (default) or JSON ({@code f=json}), as players expect.
 */
@ApplicationModule(allowedDependencies = {"platform", "identity", "catalog", "library", "social", "search"})
package fr.veza.subsonic;

import org.springframework.modulith.ApplicationModule;
