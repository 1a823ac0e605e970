package org.rallylab.domain.schedule;

import java.util.List;
import java.util.Objects;

/** The whole section's heats, raced and planned, numbered 1..n, with their fairness figures. */
public record Schedule(List<Heat> heats, ScheduleMetrics metrics) {
    public Schedule {
        heats = List.copyOf(heats);
        Objects.requireNonNull(metrics, "metrics");
    }
}
