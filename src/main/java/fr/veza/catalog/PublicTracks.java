package fr.veza.catalog;

/**
 * The one rule for which tracks people other than their owner may see, as SQL conditions over {@code tracks t},
 * for every query that lists or finds tracks (catalog pages, feeds, search). A withheld track (taken down on a
 * copyright notice, or unpublished when its owner closed the account) is private, so neither rule lets it through;
 * the owner's account must be in good standing (a suspended artist's tracks are hidden with the account).
 */
public final class PublicTracks {

    private static final String OWNER_IN_GOOD_STANDING =
            " AND EXISTS (SELECT 1 FROM users track_owner WHERE track_owner.id = t.owner_id"
                    + " AND track_owner.status = 'active')";

    /** Tracks anyone may find in listings, feeds and search results. */
    public static final String LISTED =
            "t.deleted_at IS NULL AND t.status = 'ready' AND t.visibility = 'public'" + OWNER_IN_GOOD_STANDING;

    /** Tracks anyone may open by id or link: the listed ones, and unlisted ones. */
    public static final String REACHABLE =
            "t.deleted_at IS NULL AND t.status = 'ready' AND t.visibility <> 'private'" + OWNER_IN_GOOD_STANDING;

    private PublicTracks() {}
}
