package fr.veza.identity.internal;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import fr.veza.identity.Role;
import fr.veza.platform.config.SecretResolver;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Short-lived HS256 access tokens: the user, the session they belong to, and the role at issue time. */
@Component
public class AccessTokens {

    static final String ISSUER = "veza";
    static final String SESSION_CLAIM = "sid";
    static final String ROLE_CLAIM = "role";

    private final JwtEncoder encoder;
    private final JwtDecoder decoder;
    private final IdentitySettings settings;
    private final Clock clock;

    AccessTokens(IdentitySettings settings, SecretResolver secrets, Clock clock) {
        SecretKey key = new SecretKeySpec(
                secrets.resolve(settings.jwtSecret(), "JWT_SECRET").bytes(), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        nimbus.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        this.decoder = nimbus;
        this.settings = settings;
        this.clock = clock;
    }

    IssuedAccessToken issue(UUID userId, Role role, UUID sessionId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.accessTokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim(SESSION_CLAIM, sessionId.toString())
                .claim(ROLE_CLAIM, role.value())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new IssuedAccessToken(token, settings.accessTokenTtl().toSeconds());
    }

    JwtDecoder decoder() {
        return decoder;
    }

    record IssuedAccessToken(String value, long expiresInSeconds) {}
}
