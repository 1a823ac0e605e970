package org.rallylab.track;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rallylab.domain.event.EventLimits;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;

/**
 * Protocol 2.0's race shapes: a heat's lanes as {@code "1356"}, and {@code wait_race}'s answer,
 * read strictly. A race no track can run is refused here, where it enters (issue 11): a time below
 * zero or beyond {@link EventLimits#MAX_RACE_TIME_MS}, a lane that is not 1 to 8 or was not armed,
 * a number that is not a whole one, a race_id RallyLab cannot record. The message names the value
 * and says what to do; it reads well inside "The track could not race heat 3 (…)".
 */
final class RaceJson {

    private static final String WHAT_TO_DO = ": re-run the heat or check the track's firmware";
    private static final long MAX_US = EventLimits.MAX_RACE_TIME_MS * 1000;

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

    /**
     * {@code {"race_id","lanes"?,"times_ms","times_us"?}} as the race of the heat that armed
     * {@code armedLanes} (a lanes string); throws {@link IllegalArgumentException}, with the
     * operator's message, when it is no race RallyLab can record.
     */
    static CompletedRace completedRace(JsonNode ok, String armedLanes, Integer raceTimeoutMs) {
        String id = raceId(ok == null ? null : ok.get("race_id"));
        JsonNode us = ok.get("times_us");
        return new CompletedRace(id, times(ok.get("times_ms"), false, armedLanes),
                us == null || us.isNull() ? null : times(us, true, armedLanes), raceTimeoutMs);
    }

    /** The race's {@code lanes}, or null when the track did not say. */
    static String lanesOf(JsonNode ok) {
        JsonNode lanes = ok.get("lanes");
        return lanes != null && lanes.isTextual() ? lanes.asText() : null;
    }

    /**
     * The {@code race_timeout_ms} of an {@code info} answer (null when absent); throws, with the
     * operator's message, when it is not a whole number of ms from 1 to {@link EventLimits#MAX_RACE_TIME_MS}.
     */
    static Integer raceTimeout(JsonNode timeout, String where) {
        if (timeout == null || timeout.isNull()) {
            return null;
        }
        if (!timeout.isIntegralNumber() || !timeout.canConvertToLong() || timeout.longValue() < 1
                || timeout.longValue() > EventLimits.MAX_RACE_TIME_MS) {
            throw new IllegalArgumentException("The track controller on " + where + " reports race_timeout_ms "
                    + shown(timeout) + "; RallyLab needs a whole number of ms from 1 to " + EventLimits.MAX_RACE_TIME_MS
                    + ": check its configuration (config_set race_timeout_ms) or its firmware.");
        }
        return timeout.intValue();
    }

    private static String raceId(JsonNode id) {
        if (id == null || id.isNull()) {
            throw refused("a race without a race_id");
        }
        if (!id.isTextual()) {
            throw refused("a race whose race_id " + shown(id) + " is not text");
        }
        String text = id.asText();
        if (text.isBlank()) {
            throw refused("a race whose race_id is blank");
        }
        int chars = text.codePointCount(0, text.length());
        if (chars > EventLimits.MAX_ID_CHARS) {
            throw refused("a race whose race_id is " + chars + " characters long (at most " + EventLimits.MAX_ID_CHARS + ")");
        }
        for (int i = 0; i < text.length(); i++) {
            if (EventLimits.isControl(text.charAt(i))) {
                throw refused(String.format("a race whose race_id holds the control character U+%04X", (int) text.charAt(i)));
            }
        }
        return text;
    }

    private static SortedMap<Integer, Long> times(JsonNode object, boolean micros, String armedLanes) {
        SortedMap<Integer, Long> times = new TreeMap<>();
        String name = micros ? "times_us" : "times_ms";
        if (object == null || object.isNull()) {
            return times;
        }
        if (!object.isObject()) {
            throw refused(name + " " + shown(object) + ", not lanes with their times");
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            int lane = lane(entry.getKey(), armedLanes);
            times.put(lane, time(lane, entry.getValue(), micros));
        }
        return times;
    }

    private static int lane(String key, String armedLanes) {
        if (key.length() != 1 || key.charAt(0) < '1' || key.charAt(0) > '0' + LaneAssignment.LAST_LANE) {
            String shown = key.matches("\\d{1,9}") ? key : "\"" + abbreviate(key) + "\"";
            throw refused("a time for lane " + shown + ", which is not a lane (1 to " + LaneAssignment.LAST_LANE + ")");
        }
        if (armedLanes.indexOf(key.charAt(0)) < 0) {
            throw refused("a time for lane " + key + ", which was not armed for this heat (lanes "
                    + String.join(", ", armedLanes.split("")) + ")");
        }
        return key.charAt(0) - '0';
    }

    private static long time(int lane, JsonNode time, boolean micros) {
        String unit = micros ? " µs" : " ms";
        String reported = "lane " + lane + " a time of " + shown(time) + unit;
        if (!time.isIntegralNumber()) {
            throw refused(reported + ", not a whole number");
        }
        if (time.bigIntegerValue().signum() < 0) {
            throw refused(reported + ", less than zero");
        }
        if (!time.canConvertToLong() || time.longValue() > (micros ? MAX_US : EventLimits.MAX_RACE_TIME_MS)) {
            throw refused(reported + ", beyond any race (at most " + EventLimits.MAX_RACE_TIME_MS / 1000 + " s)");
        }
        return time.longValue();
    }

    private static IllegalArgumentException refused(String what) {
        return new IllegalArgumentException("the track reported " + what + WHAT_TO_DO);
    }

    /** A value as the device wrote it (numbers exactly: the frame reader keeps their digits), abbreviated. */
    private static String shown(JsonNode value) {
        return abbreviate(value.toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
