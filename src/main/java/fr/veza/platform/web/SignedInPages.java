package fr.veza.platform.web;

import java.util.List;

/**
 * Pages a module serves only to a signed-in person; a visitor is sent to the sign-in page and back. Every other
 * page is open to visitors, and shows what it shows according to who asks.
 */
public interface SignedInPages {

    /** Ant-style path patterns. */
    List<String> patterns();
}
