package org.rallylab.domain.state;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.ScheduleMetrics;

/** A computed schedule: every heat by number (staged and planned), and the metrics of the last planning. */
record PlannedView(NavigableMap<Integer, Heat> heats, ScheduleMetrics metrics) {

    static final PlannedView EMPTY = new PlannedView(new TreeMap<>(), null);

    PlannedView {
        heats = Collections.unmodifiableNavigableMap(new TreeMap<>(heats));
    }
}
