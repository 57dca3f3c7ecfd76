package fr.veza.platform.outbound;

import fr.veza.platform.errors.VezaException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where Veza may send requests to addresses people give it (webhook targets, Web Push endpoints). By
 * default, in every environment, a target must be HTTPS on a public address: loopback, private, link-local (cloud
 * metadata), carrier-grade NAT, unique-local and multicast addresses, and IPv6 forms that embed one of them, are
 * refused when the address is given, before each request, and on the address the request actually connects to
 * ({@link #requirePublic(String, InetAddress[])}), so a name re-pointed after it was checked fails too. A lenient
 * instance (a development setting) allows http and local addresses.
 */
public class OutboundTargets {

    private static final Logger log = LoggerFactory.getLogger(OutboundTargets.class);

    private final boolean strict;

    /** @param setting the variable that made it lenient, named in the warning */
    public OutboundTargets(boolean strict, String setting) {
        this.strict = strict;
        if (!strict) {
            log.warn(
                    "{}=true: any signed-in person can make Veza send requests to http and to local or private"
                            + " addresses; use it only on a development machine",
                    setting);
        }
    }

    public OutboundTargets(boolean strict) {
        this.strict = strict;
    }

    public URI requireAllowed(String url) {
        return requireAllowed(url, "url");
    }

    /** The URL, if Veza may send to it; else a validation error on {@code field}. */
    public URI requireAllowed(String url, String field) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException malformed) {
            throw VezaException.invalid(field, "is not a URL");
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme)) || uri.getUserInfo() != null) {
            throw VezaException.invalid(field, "must be an https URL without credentials");
        }
        if (strict && !"https".equals(scheme)) {
            throw VezaException.invalid(field, "must use https");
        }
        if (strict) {
            try {
                requirePublic(uri.getHost(), InetAddress.getAllByName(uri.getHost()));
            } catch (InternalTargetException internal) {
                throw VezaException.invalid(field, "points to a private or local address");
            } catch (UnknownHostException unknown) {
                throw VezaException.invalid(field, "names a host that does not resolve");
            }
        }
        return uri;
    }

    /** The check made on the addresses a delivery is about to connect to, after its own name resolution. */
    public InetAddress[] requirePublic(String host, InetAddress[] addresses) throws InternalTargetException {
        if (strict && Arrays.stream(addresses).anyMatch(OutboundTargets::isInternal)) {
            throw new InternalTargetException(host);
        }
        return addresses;
    }

    public static boolean isInternal(InetAddress address) {
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
        InetAddress embedded = embeddedIpv4(bytes);
        if (embedded != null) {
            return isInternal(embedded);
        }
        return (bytes[0] & 0xfe) == 0xfc; // IPv6 unique local, fc00::/7
    }

    /** The IPv4 address inside IPv4-compatible (::/96), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses. */
    private static InetAddress embeddedIpv4(byte[] v6) {
        boolean compatible = Arrays.equals(v6, 0, 12, new byte[12], 0, 12);
        boolean nat64 = v6[0] == 0
                && v6[1] == 0x64
                && (v6[2] & 0xff) == 0xff
                && (v6[3] & 0xff) == 0x9b
                && Arrays.equals(v6, 4, 12, new byte[8], 0, 8);
        try {
            if (compatible || nat64) {
                return InetAddress.getByAddress(Arrays.copyOfRange(v6, 12, 16));
            }
            if (v6[0] == 0x20 && v6[1] == 0x02) {
                return InetAddress.getByAddress(Arrays.copyOfRange(v6, 2, 6));
            }
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
        return null;
    }

    /** A name that resolved to an address Veza may not reach; an {@link UnknownHostException} to the client. */
    public static final class InternalTargetException extends UnknownHostException {
        InternalTargetException(String host) {
            super(host + " points to a private or local address");
        }
    }
}
