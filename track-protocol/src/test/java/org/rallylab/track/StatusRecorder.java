package org.rallylab.track;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Keeps every status a track published; a test waits for the next one that matches. */
final class StatusRecorder implements Consumer<TrackStatus> {

    private final List<TrackStatus> statuses = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();
    private int mark;

    @Override
    public synchronized void accept(TrackStatus status) {
        statuses.add(status);
        threads.add(Thread.currentThread().getName());
        notifyAll();
    }

    /** The first status after the last match that satisfies {@code condition} (waits up to 10 s). */
    synchronized TrackStatus await(Predicate<TrackStatus> condition, String what) throws InterruptedException {
        return await(condition, what, Duration.ofSeconds(10));
    }

    /** As {@link #await(Predicate, String)}, waiting up to {@code within}. */
    synchronized TrackStatus await(Predicate<TrackStatus> condition, String what, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            for (int i = mark; i < statuses.size(); i++) {
                if (condition.test(statuses.get(i))) {
                    mark = i + 1;
                    return statuses.get(i);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no status " + what + " within " + within.toSeconds() + " s; got " + statuses.subList(mark, statuses.size()));
            }
            wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        }
    }

    synchronized TrackStatus awaitConnected() throws InterruptedException {
        return await(TrackStatus::connected, "connected");
    }

    synchronized TrackStatus awaitDisconnected() throws InterruptedException {
        return await(s -> !s.connected(), "disconnected");
    }

    synchronized List<TrackStatus> all() {
        return List.copyOf(statuses);
    }

    synchronized List<String> threads() {
        return List.copyOf(threads);
    }
}
