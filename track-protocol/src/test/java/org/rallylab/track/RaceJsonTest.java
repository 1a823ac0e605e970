package org.rallylab.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rallylab.track.Heats.heat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;

class RaceJsonTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void lanes_occupiedLanesAscending_oneDigitEach() {
        Heat heat = new Heat(4, List.of(new LaneAssignment(6, "B100"), new LaneAssignment(1, "7"),
                new LaneAssignment(3, "12"), new LaneAssignment(5, "9")));
        assertThat(RaceJson.lanes(heat)).isEqualTo("1356");
    }

    @Test
    void lanes_laneNine_rejected() {
        assertThatThrownBy(() -> RaceJson.lanes(heat(2, 1, 9)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heat 2 uses lane 9: tracks have at most 8 lanes");
    }

    @Test
    void completedRace_fullAnswer_timesByLane() throws Exception {
        CompletedRace race = RaceJson.completedRace(json("{\"race_id\":\"r1\",\"lanes\":\"1356\",\"times_ms\":"
                + "{\"1\":2345,\"3\":2400},\"times_us\":{\"1\":2345123,\"3\":2399900},\"extra\":1}"), "1356", 10000);
        assertThat(race).isEqualTo(new CompletedRace("r1", new java.util.TreeMap<>(Map.of(1, 2345L, 3, 2400L)),
                new java.util.TreeMap<>(Map.of(1, 2345123L, 3, 2399900L)), 10000));
    }

    @Test
    void completedRace_referenceFirmwareShape_noLanesNoMicros() throws Exception {
        CompletedRace race = RaceJson.completedRace(json("{\"race_id\":\"r1\",\"times_ms\":{\"2\":3001}}"), "12", null);
        assertThat(race.timesMs()).isEqualTo(Map.of(2, 3001L));
        assertThat(race.timesUs()).isNull();
        assertThat(race.raceTimeoutMs()).isNull();
        assertThat(RaceJson.lanesOf(json("{\"race_id\":\"r1\"}"))).isNull();
    }

    @Test
    void completedRace_everyLaneDnf_emptyTimes() throws Exception {
        assertThat(RaceJson.completedRace(json("{\"race_id\":\"r1\",\"times_ms\":{},\"times_us\":{}}"), "12", null).timesMs())
                .isEmpty();
    }

    @Test
    void completedRace_broken_rejectedSayingWhy() {
        assertThatThrownBy(() -> RaceJson.completedRace(json("{\"times_ms\":{}}"), "1", null))
                .hasMessageContaining("without a race_id");
        assertThatThrownBy(() -> RaceJson.completedRace(json("{\"race_id\":\"r\",\"times_ms\":{\"one\":5}}"), "1", null))
                .hasMessageContaining("lane \"one\"");
        assertThatThrownBy(() -> RaceJson.completedRace(json("{\"race_id\":\"r\",\"times_ms\":{\"1\":2.5}}"), "1", null))
                .hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> RaceJson.completedRace(json("{\"race_id\":\"r\",\"times_ms\":{\"0\":5}}"), "1", null))
                .hasMessageContaining("lane 0");
        assertThatThrownBy(() -> RaceJson.completedRace(json("{\"race_id\":\"r\",\"times_ms\":[1]}"), "1", null))
                .hasMessage("the track reported times_ms [1], not lanes with their times: re-run the heat or check the "
                        + "track's firmware");
        assertThatThrownBy(() -> RaceJson.completedRace(json("5"), "1", null)).hasMessageContaining("without a race_id");
    }

    @Test
    void completedRace_timesMap_unmodifiable() {
        CompletedRace race = new CompletedRace("r", new java.util.TreeMap<>(Map.of(1, 5L)), null, null);
        assertThatThrownBy(() -> race.timesMs().put(2, 3L)).isInstanceOf(UnsupportedOperationException.class);
    }
}
