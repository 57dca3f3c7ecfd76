package fr.veza.platform.privacy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A capability's share of what Veza holds about a person, so that each module keeps its own tables and the privacy
 * module still reaches all of them: it asks every implementation for its files when it builds an export, tells
 * each when an account is closed or recovered, and asks each to erase once the recovery period is over.
 */
public interface PersonalData {

    /** Writes this capability's files into the person's export. */
    void export(UUID userId, ExportFiles files) throws IOException;

    /**
     * Erases or anonymises this capability's rows about the person, in the erasure's transaction. Running it twice
     * changes nothing the second time. Rows kept for accounting stay, pointing at the anonymised account.
     *
     * @return rows touched by kind ({@code follows}), for the erasure's log line; no personal data
     */
    Map<String, Integer> erase(UUID userId);

    /**
     * The search documents about the person that {@link #erase} removes, by index ({@code tracks},
     * {@code playlists}). Asked before erasing, while the rows still say whose they are.
     */
    default Map<String, List<UUID>> indexedDocuments(UUID userId) {
        return Map.of();
    }

    /** In the transaction that closes the account: hide what must not stay visible meanwhile. */
    default void accountClosed(UUID userId, boolean keepPublicTracks) {}

    /** In the transaction that recovers a closed account: give back what {@link #accountClosed} hid. */
    default void accountRecovered(UUID userId) {}
}
