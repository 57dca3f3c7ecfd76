package fr.veza.subsonic.internal;

import fr.veza.identity.PlayerCredentials;
import fr.veza.identity.PlayerCredentials.Player;
import fr.veza.platform.errors.RateLimitedException;
import fr.veza.platform.web.ClientIpResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Who is calling, from the request's Subsonic parameters: {@code u} with {@code t} and {@code s} (token), {@code u}
 * with {@code p} (plain, or {@code enc:} followed by hex), or OpenSubsonic's {@code apiKey} alone. Only app passwords
 * and API keys are accepted; the account password is not, since players put credentials in URLs.
 */
@Component
public class SubsonicAuthenticator {

    private final PlayerCredentials credentials;
    private final ClientIpResolver clientIps;

    SubsonicAuthenticator(PlayerCredentials credentials, ClientIpResolver clientIps) {
        this.credentials = credentials;
        this.clientIps = clientIps;
    }

    /** Signs the player in and reads its call. */
    public SubsonicRequest open(HttpServletRequest request) {
        return new SubsonicRequest(request, authenticate(request), clientIps.resolve(request));
    }

    public Player authenticate(HttpServletRequest request) {
        String apiKey = request.getParameter("apiKey");
        String username = request.getParameter("u");
        String token = request.getParameter("t");
        String salt = request.getParameter("s");
        String password = request.getParameter("p");
        if (apiKey != null) {
            if (username != null || token != null || password != null) {
                throw new SubsonicError(
                        SubsonicError.MECHANISMS_MIXED, "Send either apiKey or a username with a password, not both.");
            }
            return credentials
                    .byApiKey(apiKey)
                    .orElseThrow(() -> new SubsonicError(
                            SubsonicError.INVALID_API_KEY, "The API key is unknown, revoked or expired."));
        }
        if (username == null) {
            throw SubsonicError.missing("u");
        }
        if (token != null && password != null) {
            throw new SubsonicError(SubsonicError.MECHANISMS_MIXED, "Send either a token or a password, not both.");
        }
        String ip = clientIps.resolve(request);
        try {
            if (token != null) {
                if (salt == null) {
                    throw SubsonicError.missing("s");
                }
                return credentials.byToken(username, token, salt, ip).orElseThrow(SubsonicAuthenticator::wrong);
            }
            if (password == null) {
                throw SubsonicError.missing("p");
            }
            return credentials.byPassword(username, plain(password), ip).orElseThrow(SubsonicAuthenticator::wrong);
        } catch (RateLimitedException limited) {
            throw new SubsonicError(
                    SubsonicError.WRONG_CREDENTIALS,
                    "Too many failed sign-ins; wait " + limited.retryAfterSeconds() + " seconds and check the"
                            + " app password.");
        }
    }

    /** {@code enc:} passwords are hex of their UTF-8 bytes: obscured, not encrypted, as the protocol has it. */
    private static String plain(String password) {
        if (!password.startsWith("enc:")) {
            return password;
        }
        try {
            return new String(HexFormat.of().parseHex(password.substring(4)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notHex) {
            throw wrong();
        }
    }

    private static SubsonicError wrong() {
        return new SubsonicError(SubsonicError.WRONG_CREDENTIALS, "Wrong username or password.");
    }
}
