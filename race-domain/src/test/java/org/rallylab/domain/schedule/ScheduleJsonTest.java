package org.rallylab.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.domain.schedule.ScheduleChecks.cars;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The schedule's JSON shape (docs/file-formats.md, Schedule JSON). */
class ScheduleJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void write_threeCarsOnTwoLanes_exactSpecShape() {
        String json = ScheduleJson.write(Scheduler.plan(cars(3), List.of(1, 2), 2));
        assertThat(json).isEqualTo("{\"heats\":["
                + "{\"heat\":1,\"catch_up\":false,\"lanes\":[{\"lane\":1,\"car_number\":\"1\"},{\"lane\":2,\"car_number\":\"2\"}]},"
                + "{\"heat\":2,\"catch_up\":false,\"lanes\":[{\"lane\":1,\"car_number\":\"2\"},{\"lane\":2,\"car_number\":\"3\"}]},"
                + "{\"heat\":3,\"catch_up\":false,\"lanes\":[{\"lane\":1,\"car_number\":\"3\"},{\"lane\":2,\"car_number\":\"1\"}]}],"
                + "\"metrics\":{\"cars\":3,\"lanes\":[1,2],\"heats\":3,\"runs_per_car\":2,\"lane_balance_max_spread\":0,"
                + "\"max_pair_meetings\":1,\"min_gap_between_runs\":1,\"algorithm\":\"cyclic-difference-set\"}}");
    }

    @Test
    void write_replanWithCatchUp_keysAndTypesExactly() throws Exception {
        Schedule first = Scheduler.plan(cars(12), List.of(1, 3, 5, 6), 4);
        List<String> withLate = new ArrayList<>(cars(12));
        withLate.add("B100");
        JsonNode root = MAPPER.readTree(ScheduleJson.write(Scheduler.replan(first.heats(), 0, withLate, List.of(1, 3, 5, 6), 4)));

        assertThat(names(root)).containsExactly("heats", "metrics");
        assertThat(root.get("heats").isArray()).isTrue();
        assertThat(root.get("heats")).hasSize(16);
        int number = 1;
        for (JsonNode heat : root.get("heats")) {
            assertThat(names(heat)).containsExactly("heat", "catch_up", "lanes");
            assertThat(heat.get("heat").isInt()).isTrue();
            assertThat(heat.get("heat").intValue()).isEqualTo(number++);
            assertThat(heat.get("catch_up").isBoolean()).isTrue();
            for (JsonNode lane : heat.get("lanes")) {
                assertThat(names(lane)).containsExactly("lane", "car_number");
                assertThat(lane.get("lane").isInt()).isTrue();
                assertThat(lane.get("car_number").isTextual()).isTrue();
            }
        }
        JsonNode lastHeat = root.get("heats").get(15);
        assertThat(lastHeat.get("catch_up").booleanValue()).isTrue();
        assertThat(lastHeat.get("lanes").get(0).get("car_number").textValue()).isEqualTo("B100");

        JsonNode metrics = root.get("metrics");
        assertThat(names(metrics)).containsExactly("cars", "lanes", "heats", "runs_per_car",
                "lane_balance_max_spread", "max_pair_meetings", "min_gap_between_runs", "algorithm");
        for (String intKey : List.of("cars", "heats", "runs_per_car", "lane_balance_max_spread", "max_pair_meetings",
                "min_gap_between_runs")) {
            assertThat(metrics.get(intKey).isInt()).as(intKey).isTrue();
        }
        assertThat(metrics.get("cars").intValue()).isEqualTo(13);
        assertThat(metrics.get("lanes").toString()).isEqualTo("[1,3,5,6]");
        assertThat(metrics.get("algorithm").textValue()).isEqualTo("edge-colouring");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
