package fr.veza.identity.internal;

/** A person's preferences. */
public record UserSettings(String locale, String timezone, boolean emailNotifications, boolean explicitContent) {

    static final UserSettings DEFAULTS = new UserSettings("en", "UTC", true, true);
}
