package fr.veza.identity;

/**
 * Where and how to write to a person about more than their account: an open account's confirmed address, with the
 * language and time zone from their settings.
 */
public record Mailbox(String email, String locale, String timezone) {}
