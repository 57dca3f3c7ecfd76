package fr.veza.search.internal;

/** The engine could not answer (down, slow, index missing); search falls back to PostgreSQL. */
class SearchUnavailableException extends Exception {

    SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
