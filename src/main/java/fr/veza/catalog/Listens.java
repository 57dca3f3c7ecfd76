package fr.veza.catalog;

import fr.veza.identity.CurrentUser;
import java.util.UUID;

/** Reports of listening from outside the web player (a music app's scrobble), under the one play rule. */
public interface Listens {

    /**
     * Records a finished listen of the whole track, which counts as a play under the usual threshold and limits.
     *
     * @return whether it counted
     */
    boolean heardInFull(UUID trackId, CurrentUser listener, String address);
}
