package fr.veza.identity.internal;

import java.util.UUID;

/** What a client keeps after logging in: a short-lived access token and the refresh token that renews it. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn, UUID sessionId) {

    public String tokenType() {
        return "Bearer";
    }
}
