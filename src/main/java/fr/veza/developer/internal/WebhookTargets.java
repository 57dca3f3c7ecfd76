package fr.veza.developer.internal;

import fr.veza.platform.config.PlatformSettings;
import fr.veza.platform.errors.VezaException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides where Veza may send webhooks. In production a target must be HTTPS on a public address: loopback,
 * private, link-local (cloud metadata), carrier-grade NAT, unique-local and multicast addresses are refused, at
 * registration and again at each delivery (a name can be re-pointed after it was checked). Other environments allow
 * plain HTTP and local targets, so a developer can receive on their own machine.
 */
@Component
class WebhookTargets {

    private final boolean strict;

    @Autowired
    WebhookTargets(PlatformSettings settings) {
        this(settings.environment().isProduction());
    }

    WebhookTargets(boolean strict) {
        this.strict = strict;
    }

    URI requireAllowed(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException malformed) {
            throw VezaException.invalid("url", "is not a URL");
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme)) || uri.getUserInfo() != null) {
            throw VezaException.invalid("url", "must be an https URL without credentials");
        }
        if (strict && !"https".equals(scheme)) {
            throw VezaException.invalid("url", "must use https");
        }
        if (strict) {
            requirePublic(uri.getHost());
        }
        return uri;
    }

    private static void requirePublic(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException unknown) {
            throw VezaException.invalid("url", "names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw VezaException.invalid("url", "points to a private or local address");
            }
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) || first >= 240;
        }
        return (bytes[0] & 0xfe) == 0xfc; // IPv6 unique local, fc00::/7
    }
}
