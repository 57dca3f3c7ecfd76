package fr.veza.platform.backup;

import fr.veza.platform.storage.BlobStore.StoredObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code backup_objects} rows: one per object copied to a target. Every statement is short and on its own. */
final class BackupManifest {

    record Entry(String key, long size, Instant sourceModified, String sha256, Instant missingSince) {

        boolean describes(StoredObject object) {
            return size == object.size() && sourceModified.equals(object.modified());
        }
    }

    private final JdbcClient jdbc;

    BackupManifest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Entry> find(String target, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT key, size, source_modified, sha256, missing_since FROM backup_objects"
                        + " WHERE target = :target AND key IN (:keys)")
                .param("target", target)
                .param("keys", keys)
                .query(BackupManifest::entry)
                .list()
                .stream()
                .collect(Collectors.toMap(Entry::key, Function.identity()));
    }

    void record(String target, StoredObject object, String sha256, Instant now) {
        jdbc.sql("INSERT INTO backup_objects (target, key, size, source_modified, sha256, copied_at, verified_at,"
                        + " last_seen_at) VALUES (:target, :key, :size, :modified, :sha, :now, :now, :now)"
                        + " ON CONFLICT (target, key) DO UPDATE SET size = EXCLUDED.size,"
                        + " source_modified = EXCLUDED.source_modified, sha256 = EXCLUDED.sha256,"
                        + " copied_at = EXCLUDED.copied_at, verified_at = EXCLUDED.verified_at,"
                        + " last_seen_at = EXCLUDED.last_seen_at, missing_since = NULL")
                .param("target", target)
                .param("key", object.key())
                .param("size", object.size())
                .param("modified", Timestamp.from(object.modified()))
                .param("sha", sha256)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The listed objects are in the store as of this run (again, if they had gone missing). */
    void markSeen(String target, Collection<String> keys, Instant now) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE backup_objects SET last_seen_at = :now, missing_since = NULL"
                        + " WHERE target = :target AND key IN (:keys)")
                .param("now", Timestamp.from(now))
                .param("target", target)
                .param("keys", keys)
                .update();
    }

    /** After a complete listing: what it did not see is gone from the store, from now on. */
    int markMissing(String target, Instant runStart) {
        return jdbc.sql("UPDATE backup_objects SET missing_since = :now"
                        + " WHERE target = :target AND last_seen_at < :now AND missing_since IS NULL")
                .param("now", Timestamp.from(runStart))
                .param("target", target)
                .update();
    }

    List<String> missingSince(String target, Instant before, int limit) {
        return jdbc.sql("SELECT key FROM backup_objects WHERE target = :target AND missing_since <= :before"
                        + " ORDER BY missing_since LIMIT :limit")
                .param("target", target)
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    void remove(String target, String key) {
        jdbc.sql("DELETE FROM backup_objects WHERE target = :target AND key = :key")
                .param("target", target)
                .param("key", key)
                .update();
    }

    long count(String target) {
        return jdbc.sql("SELECT count(*) FROM backup_objects WHERE target = :target AND missing_since IS NULL")
                .param("target", target)
                .query(Long.class)
                .single();
    }

    /** The copies checked longest ago, present in the store, not copied or checked during this run. */
    List<Entry> leastRecentlyVerified(String target, Instant before, int limit) {
        return jdbc.sql("SELECT key, size, source_modified, sha256, missing_since FROM backup_objects"
                        + " WHERE target = :target AND missing_since IS NULL AND verified_at < :before"
                        + " ORDER BY verified_at LIMIT :limit")
                .param("target", target)
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(BackupManifest::entry)
                .list();
    }

    void markVerified(String target, String key, Instant now) {
        jdbc.sql("UPDATE backup_objects SET verified_at = :now WHERE target = :target AND key = :key")
                .param("now", Timestamp.from(now))
                .param("target", target)
                .param("key", key)
                .update();
    }

    private static Entry entry(ResultSet row, int index) throws SQLException {
        Timestamp missing = row.getTimestamp("missing_since");
        return new Entry(
                row.getString("key"),
                row.getLong("size"),
                row.getTimestamp("source_modified").toInstant(),
                row.getString("sha256"),
                missing == null ? null : missing.toInstant());
    }
}
