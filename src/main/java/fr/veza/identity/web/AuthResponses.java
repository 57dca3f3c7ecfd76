package fr.veza.identity.web;

import fr.veza.identity.internal.TokenPair;

final class AuthResponses {

    private AuthResponses() {}

    record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {

        static Tokens of(TokenPair pair) {
            return new Tokens(pair.accessToken(), pair.refreshToken(), pair.tokenType(), pair.expiresIn());
        }
    }

    record Registered(MyProfile user, String accessToken, String refreshToken, String tokenType, long expiresIn) {}
}
