package org.rallylab.track;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;

/** Protocol 2.0's race shapes: a heat's lanes as {@code "1356"}, and {@code wait_race}'s answer. */
final class RaceJson {

    private RaceJson() {
    }

    /** The heat's occupied lanes as one digit each, ascending. */
    static String lanes(Heat heat) {
        if (heat.lanes().isEmpty()) {
            throw new IllegalArgumentException("heat " + heat.number() + " has no car to race");
        }
        StringBuilder digits = new StringBuilder();
        for (int lane : heat.laneNumbers()) {
            if (lane > LaneAssignment.LAST_LANE) {
                throw new IllegalArgumentException("heat " + heat.number() + " uses lane " + lane
                        + ": tracks have at most " + LaneAssignment.LAST_LANE + " lanes");
            }
            digits.append(lane);
        }
        return digits.toString();
    }

    /** The highest lane in a lanes string. */
    static int highestLane(String lanes) {
        return lanes.chars().max().orElse('0') - '0';
    }

    /** {@code {"race_id","lanes"?,"times_ms","times_us"?}} as a race; throws when it is not one. */
    static CompletedRace completedRace(JsonNode ok, Integer raceTimeoutMs) {
        JsonNode id = ok == null ? null : ok.get("race_id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new IllegalArgumentException("the track's race has no race_id: " + ok);
        }
        JsonNode us = ok.get("times_us");
        return new CompletedRace(id.asText(), times(ok.get("times_ms"), "times_ms"),
                us == null || us.isNull() ? null : times(us, "times_us"), raceTimeoutMs);
    }

    /** The race's {@code lanes}, or null when the track did not say. */
    static String lanesOf(JsonNode ok) {
        JsonNode lanes = ok.get("lanes");
        return lanes != null && lanes.isTextual() ? lanes.asText() : null;
    }

    private static SortedMap<Integer, Long> times(JsonNode object, String name) {
        SortedMap<Integer, Long> times = new TreeMap<>();
        if (object == null || object.isNull()) {
            return times;
        }
        if (!object.isObject()) {
            throw new IllegalArgumentException(name + " is not an object: " + object);
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            int lane;
            try {
                lane = Integer.parseInt(entry.getKey());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " names lane \"" + entry.getKey() + "\", not a number");
            }
            JsonNode time = entry.getValue();
            if (!time.isIntegralNumber() || !time.canConvertToLong()) {
                throw new IllegalArgumentException(name + " gives lane " + lane + " the time " + time
                        + ", not a whole number");
            }
            times.put(lane, time.longValue());
        }
        return times;
    }
}
