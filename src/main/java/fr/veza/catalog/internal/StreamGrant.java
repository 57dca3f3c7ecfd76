package fr.veza.catalog.internal;

/**
 * Why a master playlist was handed out, carried in the signatures of the URLs below it: {@link #LISTENER} because
 * the track was open to anyone (public or unlisted), honoured only while it still is; {@link #MANAGER} because the
 * caller owns it or is an admin, honoured in every state. A track turned private or taken down stops streaming for
 * listeners within {@link StreamIndex#STATE_TTL}, not when their URLs expire.
 */
enum StreamGrant {
    LISTENER("listener"),
    MANAGER("manager");

    private final String scope;

    StreamGrant(String scope) {
        this.scope = scope;
    }

    String scope() {
        return scope;
    }

    /** Whether a URL signed under this grant may still be followed for the track as it is now. */
    boolean holdsFor(Track track) {
        return this == MANAGER || (track.visibility() != Visibility.PRIVATE && !track.isTakenDown());
    }
}
