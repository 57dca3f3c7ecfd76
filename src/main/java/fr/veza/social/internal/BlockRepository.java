package fr.veza.social.internal;

import fr.veza.social.Blocks;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BlockRepository implements Blocks {

    private final JdbcClient jdbc;

    BlockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Block(UUID userId, Instant at) {}

    boolean block(UUID blocker, UUID blocked) {
        return jdbc.sql("INSERT INTO user_blocks (blocker_id, blocked_id) VALUES (:blocker, :blocked)"
                                + " ON CONFLICT DO NOTHING")
                        .param("blocker", blocker)
                        .param("blocked", blocked)
                        .update()
                > 0;
    }

    boolean unblock(UUID blocker, UUID blocked) {
        return jdbc.sql("DELETE FROM user_blocks WHERE blocker_id = :blocker AND blocked_id = :blocked")
                        .param("blocker", blocker)
                        .param("blocked", blocked)
                        .update()
                > 0;
    }

    boolean blocks(UUID blocker, UUID blocked) {
        return jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM user_blocks WHERE blocker_id = :blocker AND blocked_id = :blocked)")
                .param("blocker", blocker)
                .param("blocked", blocked)
                .query(Boolean.class)
                .single();
    }

    List<Block> of(UUID blocker) {
        return jdbc.sql(
                        "SELECT blocked_id, created_at FROM user_blocks WHERE blocker_id = :blocker ORDER BY created_at DESC")
                .param("blocker", blocker)
                .query((rs, n) -> new Block(
                        rs.getObject("blocked_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Override
    public boolean between(UUID one, UUID other) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM user_blocks
                                       WHERE (blocker_id = :one AND blocked_id = :other)
                                          OR (blocker_id = :other AND blocked_id = :one))
                        """)
                .param("one", one)
                .param("other", other)
                .query(Boolean.class)
                .single();
    }

    @Override
    public Set<UUID> blockingAmong(UUID author, Collection<UUID> people) {
        if (people.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(
                jdbc.sql("SELECT blocker_id FROM user_blocks WHERE blocked_id = :author AND blocker_id = ANY(:people)")
                        .param("author", author)
                        .param("people", people.toArray(UUID[]::new))
                        .query(UUID.class)
                        .list());
    }

    @Override
    public Set<UUID> separatedFrom(UUID person, Collection<UUID> people) {
        if (people.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT blocked_id FROM user_blocks WHERE blocker_id = :person AND blocked_id = ANY(:people)
                        UNION
                        SELECT blocker_id FROM user_blocks WHERE blocked_id = :person AND blocker_id = ANY(:people)
                        """)
                .param("person", person)
                .param("people", people.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }

    @Override
    public Set<UUID> blockedBy(UUID blocker) {
        return new HashSet<>(jdbc.sql("SELECT blocked_id FROM user_blocks WHERE blocker_id = :blocker")
                .param("blocker", blocker)
                .query(UUID.class)
                .list());
    }
}
