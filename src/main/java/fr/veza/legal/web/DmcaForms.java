package fr.veza.legal.web;

import java.util.Locale;

/** How the legal pages write a refused field: the field's name as the form posts it, the rule as a sentence. */
final class DmcaForms {

    private DmcaForms() {}

    /** A validation message as a sentence next to its field: "Fill this in.", "Must be an http(s) URL." */
    static String sentence(String message) {
        if (message.equals("must not be blank") || message.equals("must not be null")) {
            return "Fill this in.";
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
