package fr.veza.identity.internal;

/** Where a request comes from, as recorded on sessions and audit entries. */
public record ClientContext(String ipAddress, String userAgent) {

    public ClientContext {
        userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 512));
    }
}
