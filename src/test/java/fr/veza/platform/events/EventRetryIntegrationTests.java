package fr.veza.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.IntegrationTest;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox after a crash: an event whose listener never finished is handed over again and its effect appears
 * once; an event for a listener this instance does not have is left for one that has it.
 */
class EventRetryIntegrationTests extends IntegrationTest {

    private static final String NOTIFICATIONS =
            "fr.veza.notifications.internal.NotificationListener.on(fr.veza.social.UserFollowed)";

    @Autowired
    EventRetryWorker worker;

    @Autowired
    OutboxListeners listeners;

    @Test
    void everyListenerTheRegistryNamesIsKnown() {
        TestUser artist = register("artist");
        as(register()).put("/api/v1/users/" + artist.id() + "/follow", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !listenerIds().isEmpty());

        assertThat(listenerIds())
                .allSatisfy(id -> assertThat(listeners.has(id)).as(id).isTrue());
        assertThat(listeners.has(NOTIFICATIONS)).isTrue();
        assertThat(listeners.has("fr.veza.Gone.on(fr.veza.social.UserFollowed)"))
                .isFalse();
    }

    @Test
    void anEventLeftIncompleteByACrashIsHandledOnceAndAnUnknownListenersIsLeftAlone() {
        TestUser artist = register("artist");
        TestUser fan = register();
        as(fan).put("/api/v1/users/" + artist.id() + "/follow", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications(artist) == 1);
        UUID publication = jdbc.sql("""
                        SELECT id FROM event_publication WHERE listener_id = :listener
                        AND serialized_event LIKE :fan AND completion_date IS NOT NULL
                        """)
                .param("listener", NOTIFICATIONS)
                .param("fan", "%" + fan.id() + "%")
                .query(UUID.class)
                .single();
        // the instance died after the follow committed and before the notification was written
        jdbc.sql("DELETE FROM notifications WHERE user_id = :user")
                .param("user", artist.id())
                .update();
        jdbc.sql("UPDATE event_publication SET completion_date = NULL, publication_date = now() - interval '1 hour'"
                        + " WHERE id = :id")
                .param("id", publication)
                .update();
        UUID orphan = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date)
                        SELECT :orphan, 'fr.veza.Gone.on(fr.veza.social.UserFollowed)', event_type, serialized_event,
                               now() - interval '1 hour'
                        FROM event_publication WHERE id = :id
                        """).param("orphan", orphan).param("id", publication).update();

        worker.run(new WorkerRun(Instant.now(), () -> false));

        await().atMost(Duration.ofSeconds(10)).until(() -> notifications(artist) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> completed(publication));
        assertThat(completed(orphan)).isFalse();
        jdbc.sql("DELETE FROM event_publication WHERE id = :id")
                .param("id", orphan)
                .update();
    }

    private List<String> listenerIds() {
        return jdbc.sql("SELECT DISTINCT listener_id FROM event_publication")
                .query(String.class)
                .list();
    }

    private long notifications(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :user")
                .param("user", user.id())
                .query(Long.class)
                .single();
    }

    private boolean completed(UUID publication) {
        return jdbc.sql("SELECT completion_date IS NOT NULL FROM event_publication WHERE id = :id")
                .param("id", publication)
                .query(Boolean.class)
                .single();
    }
}
