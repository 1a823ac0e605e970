package org.rallylab.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.track.Heats.heat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rallylab.domain.testing.Await;
import org.rallylab.track.protocol.FakePico;

/**
 * Issue 11, hostile or odd inputs: a value the track reports that no race can have is refused
 * where it enters (the wait_race answer, the info answer, a lane event), with a message that
 * names the value and says what to do; the race future fails, nothing throws elsewhere.
 */
class RefusedRaceTest {

    private static final Duration WITHIN = Await.timeout();
    private static final String WHAT_TO_DO = ": re-run the heat or check the track's firmware";

    private final FakePico pico = new FakePico(4);
    private final RecordingDelays delays = new RecordingDelays(Duration.ofSeconds(10));
    private final StatusRecorder statuses = new StatusRecorder();
    private final PicoTrack track = new PicoTrack(pico.transports(),
            new PicoTrack.Settings(Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30)),
            delays, new Random(7));

    @AfterEach
    void close() {
        track.close();
    }

    private void connect() throws InterruptedException {
        track.addStatusListener(statuses);
        track.start();
        statuses.awaitConnected();
    }

    /** The track answers every wait_race at once with {@code race} (a JSON object). */
    private void answerWaitsWith(String race) {
        pico.override("wait_race", request -> "{\"id\":" + request.get("id") + ",\"ok\":" + race + "}");
    }

    @Test
    void race_timeBeyondAnyRace_refusedNamingTheLaneAndTheValue_thenTheHeatCanBeRerun_issue11() throws Exception {
        connect();
        answerWaitsWith("{\"race_id\":\"r-huge\",\"lanes\":\"12\",\"times_ms\":{\"1\":9223372036854775807,\"2\":2500}}");
        CompletableFuture<CompletedRace> race = track.race(heat(1, 1, 2), "before");
        assertThat(Await.failure("the race", race)).hasMessage("the track reported lane 1 a time of 9223372036854775807 ms, beyond any "
                + "race (at most 600 s): re-run the heat or check the track's firmware");
        assertThat(track.status().connected()).isTrue();

        pico.clearOverride("wait_race");
        CompletableFuture<CompletedRace> rerun = track.race(heat(1, 1, 2), "before");
        ObjectNode wait = pico.awaitRequest("wait_race", 2);
        assertThat(wait.get("after").asText()).as("the refused race is not offered again").isEqualTo("r-huge");
        pico.awaitWaiters(1);
        String id = pico.run(Map.of(1, 2_000_000L, 2, 2_100_000L));
        assertThat(rerun).succeedsWithin(WITHIN).extracting(CompletedRace::raceId).isEqualTo(id);
    }

    static Stream<Arguments> impossibleRaces() {
        String long65 = "r".repeat(65);
        return Stream.of(
                Arguments.of("{\"race_id\":\"a\",\"times_ms\":{\"1\":-1}}",
                        "the track reported lane 1 a time of -1 ms, less than zero"),
                Arguments.of("{\"race_id\":\"b\",\"times_ms\":{\"2\":600001}}",
                        "the track reported lane 2 a time of 600001 ms, beyond any race (at most 600 s)"),
                Arguments.of("{\"race_id\":\"c\",\"times_ms\":{\"1\":9223372036854775808}}",
                        "the track reported lane 1 a time of 9223372036854775808 ms, beyond any race (at most 600 s)"),
                Arguments.of("{\"race_id\":\"d\",\"times_ms\":{\"1\":2500},\"times_us\":{\"1\":600000001}}",
                        "the track reported lane 1 a time of 600000001 µs, beyond any race (at most 600 s)"),
                Arguments.of("{\"race_id\":\"e\",\"times_ms\":{\"1\":2500},\"times_us\":{\"1\":-3}}",
                        "the track reported lane 1 a time of -3 µs, less than zero"),
                Arguments.of("{\"race_id\":\"f\",\"times_ms\":{\"9\":2500}}",
                        "the track reported a time for lane 9, which is not a lane (1 to 8)"),
                Arguments.of("{\"race_id\":\"g\",\"times_ms\":{\"0\":2500}}",
                        "the track reported a time for lane 0, which is not a lane (1 to 8)"),
                Arguments.of("{\"race_id\":\"h\",\"times_ms\":{\"x\":2500}}",
                        "the track reported a time for lane \"x\", which is not a lane (1 to 8)"),
                Arguments.of("{\"race_id\":\"i\",\"times_ms\":{\"1\":2500,\"3\":2600}}",
                        "the track reported a time for lane 3, which was not armed for this heat (lanes 1, 2)"),
                Arguments.of("{\"race_id\":\"j\",\"times_ms\":{\"1\":1e400}}",
                        "the track reported lane 1 a time of 1E+400 ms, not a whole number"),
                Arguments.of("{\"race_id\":\"k\",\"times_ms\":{\"1\":2.5}}",
                        "the track reported lane 1 a time of 2.5 ms, not a whole number"),
                Arguments.of("{\"race_id\":\"l\",\"times_ms\":{\"1\":\"3\"}}",
                        "the track reported lane 1 a time of \"3\" ms, not a whole number"),
                Arguments.of("{\"race_id\":\"m\",\"times_ms\":{\"1\":2500},\"times_us\":{\"1\":2500000.0}}",
                        "the track reported lane 1 a time of 2500000.0 µs, not a whole number"),
                Arguments.of("{\"race_id\":\" \",\"times_ms\":{}}",
                        "the track reported a race whose race_id is blank"),
                Arguments.of("{\"race_id\":\"" + long65 + "\",\"times_ms\":{}}",
                        "the track reported a race whose race_id is 65 characters long (at most 64)"),
                Arguments.of("{\"race_id\":\"r\\u0007x\",\"times_ms\":{}}",
                        "the track reported a race whose race_id holds the control character U+0007"),
                Arguments.of("{\"times_ms\":{\"1\":2500}}",
                        "the track reported a race without a race_id"));
    }

    @ParameterizedTest
    @MethodSource("impossibleRaces")
    void race_impossibleValue_raceFailsWithAMessageNamingIt_issue11(String answer, String message) throws Exception {
        connect();
        answerWaitsWith(answer);
        assertThat(Await.failure("the race", track.race(heat(1, 1, 2), "before"))).hasMessage(message + WHAT_TO_DO);
        assertThat(track.status().connected()).isTrue();
    }

    @Test
    void race_timesAtTheLimits_delivered_issue11() throws Exception {
        connect();
        answerWaitsWith("{\"race_id\":\"r-limit\",\"lanes\":\"12\",\"times_ms\":{\"1\":600000,\"2\":0},"
                + "\"times_us\":{\"1\":600000000,\"2\":0}}");
        assertThat(track.race(heat(1, 1, 2), "before")).succeedsWithin(WITHIN).satisfies(r -> {
            assertThat(r.timesMs()).isEqualTo(Map.of(1, 600_000L, 2, 0L));
            assertThat(r.timesUs()).isEqualTo(Map.of(1, 600_000_000L, 2, 0L));
        });
    }

    @ParameterizedTest
    @MethodSource("impossibleInfo")
    void start_infoWithAnImpossibleValue_deviceRefusedSayingWhy_issue11(String field, String value, String message)
            throws Exception {
        pico.override("info", request -> "{\"id\":" + request.get("id") + ",\"ok\":{\"protocol\":\"2.0\","
                + "\"firmware\":\"odd 1\",\"lane_count\":4,\"race_timeout_ms\":10000,\"clock\":\"us\"}}"
                .replace("\"" + field + "\":" + ("lane_count".equals(field) ? "4" : "10000"), "\"" + field + "\":" + value));
        track.addStatusListener(statuses);
        track.start();
        TrackStatus refused = statuses.await(s -> s.message().contains(field), "refusing the " + field);
        assertThat(refused.message()).isEqualTo(message);
        assertThat(refused.connected()).isFalse();
        assertThat(pico.requests()).extracting(r -> r.get("cmd").asText()).containsExactly("info");
    }

    static Stream<Arguments> impossibleInfo() {
        String timeout = "; RallyLab needs a whole number of ms from 1 to 600000: check its configuration "
                + "(config_set race_timeout_ms) or its firmware.";
        String where = "The track controller on fake pico (host end) reports ";
        return Stream.of(
                Arguments.of("race_timeout_ms", "0", where + "race_timeout_ms 0" + timeout),
                Arguments.of("race_timeout_ms", "600001", where + "race_timeout_ms 600001" + timeout),
                Arguments.of("race_timeout_ms", "2.5", where + "race_timeout_ms 2.5" + timeout),
                Arguments.of("race_timeout_ms", "1e400", where + "race_timeout_ms 1E+400" + timeout),
                Arguments.of("race_timeout_ms", "\"3\"", where + "race_timeout_ms \"3\"" + timeout),
                Arguments.of("lane_count", "2.5", where + "2.5 lanes; RallyLab needs 1 to 8: check its configuration "
                        + "(config_set lane_count)."));
    }

    @Test
    void status_laneEventForALaneTheTrackDoesNotHave_ignored_issue11() throws Exception {
        connect();
        for (int sub = 1; sub <= 4; sub++) { // one of them is the lanes subscription
            pico.sendRaw("{\"sub\":" + sub + ",\"event\":\"state\",\"lane\":99,\"triggered\":true,\"ms\":1}");
            pico.sendRaw("{\"sub\":" + sub + ",\"event\":\"state\",\"lane\":4294967298,\"triggered\":true,\"ms\":1}");
            pico.sendRaw("{\"sub\":" + sub + ",\"event\":\"state\",\"lane\":3,\"triggered\":true,\"ms\":1}");
        }
        TrackStatus status = statuses.await(s -> Boolean.TRUE.equals(s.lanesTriggered().get(3)), "lane 3 triggered");
        assertThat(status.lanesTriggered()).containsOnlyKeys(1, 2, 3, 4);
        assertThat(statuses.all()).allSatisfy(s -> assertThat(s.lanesTriggered().keySet()).allMatch(l -> l >= 1 && l <= 4));
    }
}
