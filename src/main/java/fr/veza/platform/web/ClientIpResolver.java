package fr.veza.platform.web;

import fr.veza.platform.config.PlatformSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address of the person behind a request. {@code X-Forwarded-For} is believed only when the socket peer is a
 * configured trusted proxy ({@code TRUSTED_PROXIES}); then the right-most hop that is not itself a trusted proxy
 * is the client. Anyone else's header is ignored, so a client cannot choose the address its rate limits and
 * audit entries are keyed by.
 */
@Component
public class ClientIpResolver {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<IpAddressMatcher> trustedProxies;

    public ClientIpResolver(PlatformSettings settings) {
        this.trustedProxies =
                settings.trustedProxies().stream().map(IpAddressMatcher::new).toList();
    }

    public String resolve(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!IP_LITERAL.matcher(hop).matches()) {
                return peer;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return hops[0].trim();
    }

    private boolean isTrusted(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        for (IpAddressMatcher proxy : trustedProxies) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException mismatchedFamily) {
                // an IPv6 hop against an IPv4 range (or the reverse) is simply not that proxy
            }
        }
        return false;
    }
}
