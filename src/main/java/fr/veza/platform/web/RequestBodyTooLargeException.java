package fr.veza.platform.web;

import java.io.IOException;

/** Raised while reading a body that turns out larger than the configured cap. */
class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException(long limit) {
        super("The body exceeds the limit of " + limit + " bytes.");
    }
}
