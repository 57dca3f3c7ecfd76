package fr.veza.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.veza.platform.worker.PeriodicWorker;
import fr.veza.platform.worker.WorkReport;
import fr.veza.platform.worker.WorkerRun;
import fr.veza.support.ApiResponse;
import fr.veza.support.CatalogTest;
import fr.veza.support.TestMedia;
import fr.veza.support.TestUser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every upload's loudness is measured in its processing pass (EBU R128 / BS.1770 through ffmpeg's scanner) and
 * shown with the track, its ReplayGain 2.0 gain travels in the master playlist, and tracks made ready before
 * loudness was measured are measured once by the backfill worker, which goes on after a run that died.
 */
class LoudnessIntegrationTests extends CatalogTest {

    @Test
    void signalsOfKnownLevelAreMeasuredWithinHalfALoudnessUnit() {
        TestUser artist = register("artist");
        // EBU Tech 3341 case 1 and 2: stereo 1 kHz at -23 and -33 dBFS read -23 and -33 LUFS; a mono file is
        // heard on both speakers, so -20 dBFS mono reads as -20 dBFS stereo does
        assertMeasured(artist, TestMedia.sine(-23, 2, 20, "flac"), -23, -23);
        assertMeasured(artist, TestMedia.sine(-33, 2, 20, "wav"), -33, -33);
        JsonNode mono = assertMeasured(artist, TestMedia.sine(-20, 1, 20, "flac"), -20, -20);
        assertThat(mono.path("track_gain_db").asDouble()).isCloseTo(2.0, within(0.5));
        assertThat(mono.path("range_lu").asDouble()).isCloseTo(0, within(0.5));
    }

    @Test
    void theGainTravelsInTheMasterPlaylistAndIsKeptUnderMinusOneDecibelTruePeak() {
        TestUser artist = register("artist");
        ApiResponse quiet = uploadAndProcess(artist, TestMedia.sine(-33, 2, 8, "flac"), fields("Quiet"));
        String master = as(artist)
                .get("/api/v1/tracks/" + quiet.field("id") + "/hls/master.m3u8")
                .text();
        // +15 dB brings -33 LUFS to -18, and the peak at -33 dBTP stays far below the ceiling
        assertThat(gainIn(master)).isCloseTo(15.0, within(0.5));

        ApiResponse loud = uploadAndProcess(artist, TestMedia.sine(-6, 2, 8, "flac"), fields("Loud"));
        JsonNode loudness = loud.json().path("loudness");
        assertThat(loudness.path("track_gain_db").asDouble()).isCloseTo(-12.0, within(0.5));
        String loudMaster = as(artist)
                .get("/api/v1/tracks/" + loud.field("id") + "/hls/master.m3u8")
                .text();
        assertThat(gainIn(loudMaster)).isCloseTo(-12.0, within(0.5));

        // quiet to the ear (-29 LUFS) with clicks near full scale: +11 dB would clip them, so the gain stops
        // where the true peak reaches -1 dBTP
        ApiResponse peaky = uploadAndProcess(artist, TestMedia.peaky(8), fields("Peaky"));
        JsonNode measured = peaky.json().path("loudness");
        assertThat(measured.path("track_gain_db").asDouble()).isGreaterThan(8);
        String peakyMaster = as(artist)
                .get("/api/v1/tracks/" + peaky.field("id") + "/hls/master.m3u8")
                .text();
        assertThat(gainIn(peakyMaster))
                .isCloseTo(-1 - measured.path("true_peak_dbtp").asDouble(), within(0.01));
    }

    @Test
    void aSilentTrackIsMeasuredAsSilenceWithNoGain() {
        TestUser artist = register("artist");
        ApiResponse silent = uploadAndProcess(artist, TestMedia.silence(6), fields("Silence"));
        assertThat(silent.field("status")).isEqualTo("ready");
        JsonNode loudness = silent.json().path("loudness");
        assertThat(loudness.isObject()).as("measured: %s", silent.text()).isTrue();
        assertThat(loudness.path("integrated_lufs").isNull()).isTrue();
        assertThat(loudness.path("true_peak_dbtp").isNull()).isTrue();
        assertThat(loudness.path("track_gain_db").asDouble()).isZero();
        String master = as(artist)
                .get("/api/v1/tracks/" + silent.field("id") + "/hls/master.m3u8")
                .text();
        assertThat(gainIn(master)).isZero();
    }

    @Test
    void tracksReadyBeforeLoudnessWasMeasuredAreMeasuredOnceAndARunThatDiedIsTakenUp() throws IOException {
        TestUser listener = register();
        UUID old = oldTrack(0);
        // a run that measured this one was killed mid-way: its attempt is counted, and it is taken up again
        UUID interrupted = oldTrack(1);
        // tried three times already: its original cannot be read, it is left alone
        UUID givenUp = oldTrack(LOUDNESS_ATTEMPTS_GIVEN_UP);

        // other tests' rows wait in the same backlog: runs take 20 at a time, oldest first
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            backfill();
            assertThat(measuredAt(old)).isNotNull();
            assertThat(measuredAt(interrupted)).isNotNull();
        });
        JsonNode loudness = as(listener).get("/api/v1/tracks/" + old).json().path("loudness");
        assertThat(loudness.path("integrated_lufs").asDouble()).isCloseTo(-23.0, within(0.5));
        assertThat(measuredAt(givenUp)).isNull();
        assertThat(attempts(givenUp)).isEqualTo(LOUDNESS_ATTEMPTS_GIVEN_UP);

        Instant first = measuredAt(old);
        int attempts = attempts(old);
        backfill();
        assertThat(measuredAt(old)).as("measured once").isEqualTo(first);
        assertThat(attempts(old)).isEqualTo(attempts);
    }

    private static final int LOUDNESS_ATTEMPTS_GIVEN_UP = 3;

    @Autowired
    List<PeriodicWorker> workers;

    /** One pass, as the schedule runs it (the console would wait for the startup run's lock to lapse). */
    private WorkReport backfill() {
        return workers.stream()
                .filter(worker -> worker.name().equals("loudness-backfill"))
                .findFirst()
                .orElseThrow()
                .run(new WorkerRun(Instant.now(), () -> false));
    }

    /** A ready track as processing left it before loudness was measured, first in the backlog. */
    private UUID oldTrack(int attempts) throws IOException {
        UUID id = insertTrack("ready", null, "20 years", TestMedia.sine(-23, 2, 5, "flac"));
        jdbc.sql("UPDATE tracks SET ready_at = created_at, loudness_attempts = :attempts WHERE id = :id")
                .param("attempts", attempts)
                .param("id", id)
                .update();
        return id;
    }

    private Instant measuredAt(UUID track) {
        return jdbc.sql("SELECT loudness_measured_at FROM tracks WHERE id = :id")
                .param("id", track)
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
                .single()
                .orElse(null);
    }

    private int attempts(UUID track) {
        return jdbc.sql("SELECT loudness_attempts FROM tracks WHERE id = :id")
                .param("id", track)
                .query(Integer.class)
                .single();
    }

    private JsonNode assertMeasured(TestUser artist, Path file, double lufs, double peakDbtp) {
        ApiResponse track =
                uploadAndProcess(artist, file, fields(file.getFileName().toString()));
        assertThat(track.field("status")).as(track.text()).isEqualTo("ready");
        JsonNode loudness = track.json().path("loudness");
        assertThat(loudness.path("integrated_lufs").asDouble())
                .as("%s: %s", file.getFileName(), loudness)
                .isCloseTo(lufs, within(0.5));
        assertThat(loudness.path("true_peak_dbtp").asDouble()).isCloseTo(peakDbtp, within(0.5));
        assertThat(loudness.path("track_gain_db").asDouble())
                .isCloseTo(-18 - loudness.path("integrated_lufs").asDouble(), within(0.01));
        return loudness;
    }

    private static double gainIn(String master) {
        String prefix = "#EXT-X-SESSION-DATA:DATA-ID=\"fr.veza.playback-gain-db\",VALUE=\"";
        return master.lines()
                .filter(line -> line.startsWith(prefix))
                .map(line -> Double.parseDouble(line.substring(prefix.length(), line.length() - 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no gain in " + master));
    }

    private static Map<String, String> fields(String title) {
        return Map.of("title", title, "visibility", "public");
    }
}
