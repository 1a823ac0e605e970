package org.rallylab.app.race;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock and a scheduler whose time moves only when the test says so; due tasks run on the test's thread. */
public final class ManualTime extends Clock implements TaskScheduler {

    private Instant now;
    private long order;
    private final List<Task> tasks = new ArrayList<>();

    public ManualTime(Instant start) {
        this.now = start;
    }

    public ManualTime() {
        this(Instant.parse("2026-02-14T09:00:00Z"));
    }

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        Task t = new Task(now.plus(delay), order++, task);
        tasks.add(t);
        return () -> tasks.remove(t);
    }

    /** Moves time on by {@code step}, running every task that falls due, in time order. */
    public void advance(Duration step) {
        Instant end = now.plus(step);
        while (true) {
            Task next = tasks.stream().filter(t -> !t.at.isAfter(end))
                    .min(Comparator.comparing((Task t) -> t.at).thenComparingLong(t -> t.order)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            if (next.at.isAfter(now)) {
                now = next.at;
            }
            next.task.run();
        }
        now = end;
    }

    public int pendingTasks() {
        return tasks.size();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a manual clock stays in UTC");
    }

    private record Task(Instant at, long order, Runnable task) {
    }
}
