package org.rallylab.domain.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The schedule's output shape (docs/file-formats.md), shared by the app, the command line and the tests:
 * {@code {"heats":[{"heat":1,"catch_up":false,"lanes":[{"lane":1,"car_number":"3"}]}],
 * "metrics":{...}}} with snake_case keys and car numbers as strings.
 */
public final class ScheduleJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private ScheduleJson() {
    }

    public static String write(Schedule schedule) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode heats = root.putArray("heats");
        for (Heat heat : schedule.heats()) {
            ObjectNode h = heats.addObject();
            h.put("heat", heat.number());
            h.put("catch_up", heat.catchUp());
            ArrayNode lanes = h.putArray("lanes");
            for (LaneAssignment a : heat.lanes()) {
                lanes.addObject().put("lane", a.lane()).put("car_number", a.carNumber());
            }
        }
        ScheduleMetrics m = schedule.metrics();
        ObjectNode metrics = root.putObject("metrics");
        metrics.put("cars", m.cars());
        ArrayNode lanes = metrics.putArray("lanes");
        m.lanes().forEach(lanes::add);
        metrics.put("heats", m.heats());
        metrics.put("runs_per_car", m.runsPerCar());
        metrics.put("lane_balance_max_spread", m.laneBalanceMaxSpread());
        metrics.put("max_pair_meetings", m.maxPairMeetings());
        metrics.put("min_gap_between_runs", m.minGapBetweenRuns());
        metrics.put("algorithm", m.algorithm());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a schedule tree could not be written as JSON", e);
        }
    }
}
