package fr.veza.catalog;

/**
 * The one rule for which tracks people other than their owner may see, as SQL conditions over {@code tracks t},
 * for every query that lists or finds tracks (catalog pages, feeds, search). A withheld track (taken down on a
 * copyright notice, or unpublished when its owner closed the account) is private, so neither rule lets it through;
 * the owner's account must be in good standing (a suspended artist's tracks are hidden with the account).
 */
public final class PublicTracks {

    /**
     * The track's own half of {@link #LISTED}, for a query that already checked its owner with
     * {@link #inGoodStanding}, once per owner rather than once per track (a feed walks many tracks of few artists).
     */
    public static final String LISTED_IF_OWNER_IN_GOOD_STANDING =
            "t.deleted_at IS NULL AND t.status = 'ready' AND t.visibility = 'public'";

    /** Tracks anyone may find in listings, feeds and search results. */
    public static final String LISTED = LISTED_IF_OWNER_IN_GOOD_STANDING + " AND " + inGoodStanding("t.owner_id");

    /** Tracks anyone may open by id or link: the listed ones, and unlisted ones. */
    public static final String REACHABLE = "t.deleted_at IS NULL AND t.status = 'ready' AND t.visibility <> 'private'"
            + " AND " + inGoodStanding("t.owner_id");

    /** The condition that the account whose id is the SQL expression {@code ownerId} is in good standing. */
    public static String inGoodStanding(String ownerId) {
        return "EXISTS (SELECT 1 FROM users track_owner WHERE track_owner.id = " + ownerId
                + " AND track_owner.status = 'active')";
    }

    private PublicTracks() {}
}
