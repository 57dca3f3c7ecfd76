package fr.veza.platform.web;

import java.net.URI;

/**
 * The content security policies of Veza's answers. A page that must load a third party's script (the payment
 * provider's form) asks for the site's policy widened to that one origin, for that page only.
 */
public final class ContentSecurityPolicy {

    static final String API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String DOCUMENTATION = "default-src 'self'; img-src 'self' data:;"
            + " style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none';"
            + " base-uri 'self'; form-action 'self'";
    /** The web app: its own scripts and styles only, nothing inline; media and workers from blobs (hls.js). */
    static final String SITE = site("");

    /** The site's policy, with scripts, frames and requests also allowed to and from {@code script}'s origin. */
    public static String siteAllowing(URI script) {
        String origin = script.getScheme() + "://" + script.getAuthority();
        return site(" " + origin);
    }

    private static String site(String extra) {
        return "default-src 'self'; script-src 'self'" + extra + "; style-src 'self'" + extra + ";"
                + " img-src 'self' data: blob:" + extra + "; media-src 'self' blob:; connect-src 'self'" + extra + ";"
                + " frame-src 'self'" + extra + "; worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none';"
                + " base-uri 'none'; form-action 'self'";
    }

    private ContentSecurityPolicy() {}
}
