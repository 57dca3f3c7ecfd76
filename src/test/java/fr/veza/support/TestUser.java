package fr.veza.support;

import java.util.UUID;

public record TestUser(
        UUID id, String username, String email, String password, String accessToken, String refreshToken) {}
