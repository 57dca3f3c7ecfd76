package fr.veza.identity.internal;

import fr.veza.platform.web.WebSettings;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The cookie a signed-in browser carries: the session's secret, out of reach of scripts (HttpOnly), sent on
 * navigations from other sites but never on their forms or scripts' requests (SameSite=Lax), https only when
 * {@code SECURE_COOKIES} says so.
 */
@Component
public class BrowserSessionCookie {

    static final String NAME = "veza_session";

    private final boolean secure;

    BrowserSessionCookie(WebSettings settings, Environment environment) {
        this.secure = settings.secureCookies(environment);
    }

    public void write(HttpServletResponse response, SessionService.BrowserSession session) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(session.secret(), session.lifetime()));
    }

    public void clear(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO));
    }

    public Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(cookie -> NAME.equals(cookie.getName()))
                        .map(Cookie::getValue)
                        .findFirst();
    }

    private String cookie(String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build()
                .toString();
    }
}
