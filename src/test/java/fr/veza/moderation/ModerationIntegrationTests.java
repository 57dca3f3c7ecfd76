package fr.veza.moderation;

import static fr.veza.support.SubsonicPlayer.all;
import static fr.veza.support.SubsonicPlayer.first;
import static fr.veza.support.SubsonicPlayer.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.veza.support.ApiResponse;
import fr.veza.support.ChatSocket;
import fr.veza.support.IntegrationTest;
import fr.veza.support.SubsonicPlayer;
import fr.veza.support.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * People report what they see; moderators decide once per target, and each decision reaches every surface that
 * shows the content, the author and the reporters. Every refusal leaves the queue and the content as they were.
 */
class ModerationIntegrationTests extends IntegrationTest {

    @Test
    void aHiddenCommentIsGoneForAllButItsAuthorWhoMayAppealOnceAndAnotherModeratorReverses() {
        TestUser artist = register("artist");
        TestUser troll = register();
        TestUser first = register();
        TestUser second = register();
        UUID track = readyTrack(artist, "Open mic", "public");
        String comment = as(troll)
                .post("/api/v1/tracks/" + track + "/comments", Map.of("body", "you are awful"))
                .field("id");

        ApiResponse reported = report(first, "comment", comment, "harassment", "rude to the artist");
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        assertThat(reported.field("status")).isEqualTo("open");
        assertThat(report(second, "comment", comment, "harassment", null).status())
                .isEqualTo(201);
        // refusals: again while open, one's own, a reason or a kind that does not exist, something not there
        assertThat(report(first, "comment", comment, "spam", null).status()).isEqualTo(409);
        assertThat(report(troll, "comment", comment, "spam", null).status()).isEqualTo(400);
        ApiResponse badReason = report(first, "comment", comment, "boring", null);
        assertThat(badReason.status()).isEqualTo(400);
        assertThat(badReason.contentType()).startsWith("application/problem+json");
        assertThat(report(first, "album", comment, "spam", null).status()).isEqualTo(400);
        assertThat(report(first, "comment", UUID.randomUUID().toString(), "spam", null)
                        .status())
                .isEqualTo(404);

        // the queue is for moderators; one case for the comment, with both reports
        assertThat(as(first).get("/api/v1/admin/reports").status()).isEqualTo(403);
        TestUser moderator = register();
        assertThat(as(admin())
                        .put("/api/v1/admin/users/" + moderator.id() + "/role", Map.of("role", "moderator"))
                        .status())
                .isEqualTo(200);
        assertThat(as(moderator).get("/api/v1/admin/workers").status())
                .as("the rest of the admin API stays for admins")
                .isEqualTo(403);
        JsonNode theCase = caseOf(moderator, comment);
        assertThat(theCase.get("open_reports").asInt()).isEqualTo(2);
        assertThat(theCase.get("content").get("text").asText()).isEqualTo("you are awful");
        assertThat(theCase.get("content").get("author_id").asText())
                .isEqualTo(troll.id().toString());
        assertThat(theCase.get("content").get("context").get("track_title").asText())
                .isEqualTo("Open mic");
        assertThat(theCase.get("reports").findValuesAsText("reason")).containsOnly("harassment");

        String reportId = reported.field("id");
        ApiResponse hidden = as(moderator).post("/api/v1/admin/reports/" + reportId + "/hide", Map.of("note", "abuse"));
        assertThat(hidden.status()).as(hidden.toString()).isEqualTo(200);
        assertThat(hidden.field("action")).isEqualTo("hide");
        assertThat(as(moderator)
                        .post("/api/v1/admin/reports/" + reportId + "/dismiss", null)
                        .status())
                .as("decided once")
                .isEqualTo(409);
        assertThat(as(moderator).get("/api/v1/admin/reports").text()).doesNotContain(comment);

        // gone for everyone but its author, who is told and may appeal once
        assertThat(api().get("/api/v1/tracks/" + track + "/comments").text()).doesNotContain("you are awful");
        assertThat(as(artist).get("/api/v1/tracks/" + track + "/comments").text())
                .doesNotContain("you are awful");
        JsonNode own =
                as(troll).get("/api/v1/tracks/" + track + "/comments").json().get("items");
        assertThat(own.get(0).get("body").asText()).isEqualTo("you are awful");
        assertThat(own.get(0).get("hidden").asBoolean()).isTrue();
        assertThat(notification(troll, "content_hidden")
                        .path("payload")
                        .path("target_id")
                        .asText())
                .isEqualTo(comment);
        notification(first, "report_actioned");
        JsonNode toSecond = notification(second, "report_actioned");
        assertThat(toSecond.toString()).doesNotContain(first.id().toString());
        assertThat(as(first)
                        .get("/api/v1/me/reports")
                        .json()
                        .get("items")
                        .get(0)
                        .get("outcome")
                        .asText())
                .isEqualTo("hide");

        JsonNode decision =
                as(troll).get("/api/v1/me/moderation").json().get("items").get(0);
        assertThat(decision.get("appealable").asBoolean()).isTrue();
        String decisionId = decision.get("id").asText();
        String appeal = "/api/v1/moderation/decisions/" + decisionId + "/appeal";
        assertThat(as(first)
                        .post(appeal, Map.of("statement", "not mine to appeal"))
                        .status())
                .isEqualTo(404);
        assertThat(as(troll).post(appeal, Map.of("statement", "I was joking")).status())
                .isEqualTo(200);
        assertThat(as(troll).post(appeal, Map.of("statement", "please")).status())
                .as("once")
                .isEqualTo(409);
        assertThat(as(moderator).get("/api/v1/admin/appeals").text()).contains(decisionId);
        assertThat(as(moderator)
                        .post("/api/v1/admin/appeals/" + decisionId + "/reverse", null)
                        .status())
                .as("someone else decides the appeal of one's own decision")
                .isEqualTo(403);
        assertThat(as(admin())
                        .post("/api/v1/admin/appeals/" + decisionId + "/reverse", null)
                        .status())
                .isEqualTo(200);
        assertThat(api().get("/api/v1/tracks/" + track + "/comments").text()).contains("you are awful");
        notification(troll, "appeal_reversed");

        List<String> trail = jdbc.sql("SELECT action FROM audit_logs WHERE target_id = :id ORDER BY created_at, id")
                .param("id", UUID.fromString(comment))
                .query(String.class)
                .list();
        assertThat(trail)
                .containsExactly(
                        "moderation.reported",
                        "moderation.reported",
                        "moderation.hide",
                        "moderation.appealed",
                        "moderation.appeal_reversed");
    }

    @Test
    void aHiddenTrackLeavesSearchFeedsAndSubsonicAndComesBackWithTheVisibilityItsOwnerChose() throws Exception {
        TestUser artist = register("artist");
        TestUser fan = register();
        TestUser reporter = register();
        as(fan).put("/api/v1/users/" + artist.id() + "/follow", null);
        String title = "Zyxquor " + UUID.randomUUID().toString().substring(0, 6);
        UUID track = readyTrack(artist, title, "public");
        SubsonicPlayer player = player(fan);
        assertThat(songs(player, title)).contains(track.toString());
        assertThat(as(fan).get("/api/v1/feed").text()).contains(track.toString());

        String report =
                report(reporter, "track", track.toString(), "hate", null).field("id");
        assertThat(as(admin())
                        .post("/api/v1/admin/reports/" + report + "/hide", null)
                        .status())
                .isEqualTo(200);

        assertThat(api().get("/api/v1/tracks/" + track).status()).isEqualTo(404);
        assertThat(as(fan).get("/api/v1/tracks/" + track).status()).isEqualTo(404);
        assertThat(as(artist).get("/api/v1/tracks/" + track).status())
                .as("its owner still sees it")
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api().get("/api/v1/search?q=" + title.replace(' ', '+'))
                                .text())
                        .doesNotContain(track.toString()));
        assertThat(as(fan).get("/api/v1/feed").text()).doesNotContain(track.toString());
        assertThat(songs(player, title)).doesNotContain(track.toString());
        // the owner's choice while hidden waits: the track stays private
        as(artist).patch("/api/v1/tracks/" + track, Map.of("visibility", "unlisted"));
        assertThat(as(fan).get("/api/v1/tracks/" + track).status()).isEqualTo(404);

        String decision = as(artist)
                .get("/api/v1/me/moderation")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asText();
        as(artist).post("/api/v1/moderation/decisions/" + decision + "/appeal", Map.of("statement", "it is satire"));
        assertThat(as(admin())
                        .post("/api/v1/admin/appeals/" + decision + "/reverse", null)
                        .status())
                .isEqualTo(200);
        ApiResponse back = as(fan).get("/api/v1/tracks/" + track);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.field("visibility")).isEqualTo("unlisted");
    }

    @Test
    void aHiddenMessageLosesItsTextLiveAndInHistoryForEveryoneButItsAuthor() throws Exception {
        TestUser author = register();
        TestUser member = register();
        TestUser other = register();
        String room = as(member)
                .post(
                        "/api/v1/chat/rooms",
                        Map.of("kind", "group", "name", "Band", "member_ids", List.of(author.id(), other.id())))
                .field("id");
        String message = as(author)
                .post("/api/v1/chat/rooms/" + room + "/messages", Map.of("body", "buy my pills"))
                .field("id");
        TestUser outsider = register();
        assertThat(report(outsider, "message", message, "spam", null).status())
                .as("only who can read it reports it")
                .isEqualTo(404);
        String report = report(member, "message", message, "spam", null).field("id");
        JsonNode theCase = as(admin()).get("/api/v1/admin/reports/" + report).json();
        assertThat(theCase.get("content").get("context").get("messages").toString())
                .contains("buy my pills");

        try (ChatSocket otherSocket = ChatSocket.open(port, other.accessToken())) {
            assertThat(as(admin())
                            .post("/api/v1/admin/reports/" + report + "/hide", null)
                            .status())
                    .isEqualTo(200);
            JsonNode frame = otherSocket.next("message_hidden");
            assertThat(frame.get("message_id").asText()).isEqualTo(message);
        }
        JsonNode seen =
                as(other).get("/api/v1/chat/rooms/" + room + "/messages").json().get("items");
        JsonNode line = find(seen, message);
        assertThat(line.get("hidden").asBoolean()).isTrue();
        assertThat(line.get("body").isNull()).isTrue();
        assertThat(find(
                                as(author)
                                        .get("/api/v1/chat/rooms/" + room + "/messages")
                                        .json()
                                        .get("items"),
                                message)
                        .get("body")
                        .asText())
                .isEqualTo("buy my pills");
        assertThat(as(author)
                        .patch("/api/v1/chat/messages/" + message, Map.of("body", "changed"))
                        .status())
                .as("a hidden message cannot be edited back into view")
                .isNotEqualTo(200);
    }

    @Test
    void aPersonIsWarnedOrSuspendedForAPeriodThatEndsAndNeverHidden() {
        TestUser pest = register();
        TestUser reporter = register();
        TestUser witness = register();
        String first = report(reporter, "user", pest.id().toString(), "impersonation", "pretends to be me")
                .field("id");
        assertThat(as(admin())
                        .post("/api/v1/admin/reports/" + first + "/hide", null)
                        .status())
                .isEqualTo(400);
        assertThat(as(admin())
                        .post("/api/v1/admin/reports/" + first + "/warn", null)
                        .status())
                .as("a warning says what it is about")
                .isEqualTo(400);
        assertThat(as(admin())
                        .post("/api/v1/admin/reports/" + first + "/banish", null)
                        .status())
                .isEqualTo(404);
        assertThat(as(admin())
                        .post("/api/v1/admin/reports/" + first + "/warn", Map.of("note", "use your own name"))
                        .status())
                .isEqualTo(200);
        assertThat(notification(pest, "moderation_warning")
                        .path("payload")
                        .path("excerpt")
                        .asText())
                .isEqualTo("use your own name");

        String second = report(witness, "user", pest.id().toString(), "harassment", null)
                .field("id");
        assertThat(as(admin())
                        .post("/api/v1/admin/reports/" + second + "/suspend", Map.of("days", 0))
                        .status())
                .isEqualTo(400);
        ApiResponse suspended = as(admin()).post("/api/v1/admin/reports/" + second + "/suspend", Map.of("days", 3));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.field("suspended_until")).isNotNull();
        ApiResponse login =
                api().post("/api/v1/auth/login", Map.of("login", pest.email(), "password", pest.password()));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.code()).isEqualTo("account_suspended");

        // the period ends: the worker lets them back in
        jdbc.sql("UPDATE moderation_decisions SET suspended_until = now() - interval '1 minute' WHERE id = :id")
                .param("id", UUID.fromString(suspended.field("id")))
                .update();
        ApiResponse ran = as(admin()).post("/api/v1/admin/workers/moderation-suspension-end/run", null);
        assertThat(ran.status()).as(ran.toString()).isEqualTo(200);
        assertThat(api().post("/api/v1/auth/login", Map.of("login", pest.email(), "password", pest.password()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aModeratorDecidesAboutListenersAndArtistsOnlyAndEscalationIsForTracks() {
        TestUser moderator = register("artist");
        as(admin()).put("/api/v1/admin/users/" + moderator.id() + "/role", Map.of("role", "moderator"));
        TestUser colleague = register();
        as(admin()).put("/api/v1/admin/users/" + colleague.id() + "/role", Map.of("role", "moderator"));
        TestUser reporter = register();
        TestUser artist = register("artist");

        UUID ownTrack = readyTrack(moderator, "Mine", "public");
        String aboutMe =
                report(reporter, "track", ownTrack.toString(), "spam", null).field("id");
        assertThat(as(moderator)
                        .post("/api/v1/admin/reports/" + aboutMe + "/dismiss", null)
                        .status())
                .isEqualTo(403);
        String aboutColleague = report(reporter, "user", colleague.id().toString(), "spam", null)
                .field("id");
        assertThat(as(moderator)
                        .post("/api/v1/admin/reports/" + aboutColleague + "/dismiss", null)
                        .status())
                .isEqualTo(403);
        assertThat(as(admin())
                        .post("/api/v1/admin/reports/" + aboutColleague + "/dismiss", null)
                        .status())
                .isEqualTo(200);
        notification(reporter, "report_dismissed");

        UUID copied = readyTrack(artist, "Somebody else's song", "public");
        String comment = as(reporter)
                .post("/api/v1/tracks/" + copied + "/comments", Map.of("body", "stolen!"))
                .field("id");
        String onComment = report(artist, "comment", comment, "other", null).field("id");
        assertThat(as(moderator)
                        .post("/api/v1/admin/reports/" + onComment + "/escalate", null)
                        .status())
                .isEqualTo(400);
        String onTrack = report(reporter, "track", copied.toString(), "other", "this is my band's song")
                .field("id");
        assertThat(as(moderator)
                        .post("/api/v1/admin/reports/" + onTrack + "/escalate", null)
                        .status())
                .isEqualTo(200);
        notification(reporter, "report_escalated");
        assertThat(api().get("/api/v1/tracks/" + copied).status())
                .as("only a copyright notice takes a track down")
                .isEqualTo(200);
    }

    @Test
    void aReportWaitingPastTheDeadlineIsToldToModeratorsOnceAndCounted() {
        TestUser reporter = register();
        TestUser spammer = register();
        TestUser moderator = register();
        as(admin()).put("/api/v1/admin/users/" + moderator.id() + "/role", Map.of("role", "moderator"));
        String report =
                report(reporter, "user", spammer.id().toString(), "spam", null).field("id");
        jdbc.sql("UPDATE moderation_reports SET created_at = now() - interval '25 hours' WHERE id = :id")
                .param("id", UUID.fromString(report))
                .update();

        assertThat(as(admin())
                        .post("/api/v1/admin/workers/moderation-deadline/run", null)
                        .status())
                .isEqualTo(200);
        notification(moderator, "reports_overdue");
        as(admin()).post("/api/v1/admin/workers/moderation-deadline/run", null);
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :id AND type = 'reports_overdue'")
                        .param("id", moderator.id())
                        .query(Integer.class)
                        .single())
                .as("once per report")
                .isEqualTo(1);
        as(admin()).post("/api/v1/admin/reports/" + report + "/dismiss", null);
    }

    private ApiResponse report(TestUser reporter, String type, String id, String reason, String details) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("target_type", type);
        body.put("target_id", id);
        body.put("reason", reason);
        if (details != null) {
            body.put("details", details);
        }
        return as(reporter).post("/api/v1/reports", body);
    }

    private JsonNode caseOf(TestUser moderator, String targetId) {
        for (JsonNode c : as(moderator)
                .get("/api/v1/admin/reports?status=open&limit=200")
                .json()
                .get("items")) {
            if (c.get("target_id").asText().equals(targetId)) {
                return c;
            }
        }
        throw new AssertionError("no case for " + targetId);
    }

    private JsonNode notification(TestUser person, String type) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode item : as(person).get("/api/v1/notifications").json().get("items")) {
                if (item.get("type").asText().equals(type)) {
                    found.add(item);
                    return true;
                }
            }
            return false;
        });
        return found.get(0);
    }

    private static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id);
    }

    private SubsonicPlayer player(TestUser person) {
        String password = as(person)
                .post("/api/v1/me/app-passwords", Map.of("name", "tests"))
                .field("password");
        return new SubsonicPlayer(api(), person.username(), password);
    }

    private static List<String> songs(SubsonicPlayer player, String query) {
        return all(first(player.ok("search3", params("query", query)), "searchResult3"), "song").stream()
                .map(song -> song.getAttribute("id"))
                .toList();
    }
}
