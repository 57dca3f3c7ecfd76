package fr.veza.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;

/**
 * The web app's browser-facing settings.
 *
 * @param secureCookies {@code SECURE_COOKIES}: session and CSRF cookies only travel over https; empty = yes in
 *     production, no in development (reached over plain http on localhost)
 */
@ConfigurationProperties("veza.web")
public record WebSettings(Boolean secureCookies) {

    public boolean secureCookies(Environment environment) {
        return secureCookies != null ? secureCookies : environment.matchesProfiles("production");
    }
}
