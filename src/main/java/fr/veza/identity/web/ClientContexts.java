package fr.veza.identity.web;

import fr.veza.identity.internal.ClientContext;
import fr.veza.platform.web.ClientIpResolver;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

@Component
class ClientContexts {

    private final ClientIpResolver ips;

    ClientContexts(ClientIpResolver ips) {
        this.ips = ips;
    }

    ClientContext of(HttpServletRequest request) {
        return new ClientContext(ips.resolve(request), request.getHeader(HttpHeaders.USER_AGENT));
    }
}
