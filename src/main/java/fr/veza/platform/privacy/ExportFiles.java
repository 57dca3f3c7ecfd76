package fr.veza.platform.privacy;

import java.io.IOException;
import java.util.Map;

/** The archive an export is written into; each file is described in the archive's README. */
public interface ExportFiles {

    /**
     * A JSON file holding the query's rows as an array of objects, column names as keys, streamed row by row.
     * Queries select the person's own data only: other people appear as ids, never by name (GDPR Art. 20(4)).
     */
    void rows(String file, String description, String sql, Map<String, ?> params) throws IOException;

    /** A stored file (an original upload) copied into the archive under {@code file}. */
    void blob(String file, String blobKey) throws IOException;

    /** Says once, in the README, what the files written by {@link #blob} are. */
    void describe(String files, String description);
}
