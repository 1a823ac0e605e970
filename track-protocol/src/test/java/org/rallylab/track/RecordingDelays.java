package org.rallylab.track;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Records every delay the track asks for and runs it 50 times sooner; delays of {@code holdFrom}
 * or more are held until {@link #releaseHeld()}, so a test can see that nothing retries early.
 */
final class RecordingDelays implements Delays {

    private final Duration holdFrom;
    private final List<Duration> requested = new CopyOnWriteArrayList<>();
    private final List<Runnable> held = new CopyOnWriteArrayList<>();

    RecordingDelays(Duration holdFrom) {
        this.holdFrom = holdFrom;
    }

    @Override
    public ScheduledFuture<?> schedule(ScheduledExecutorService thread, Duration delay, Runnable task) {
        requested.add(delay);
        if (delay.compareTo(holdFrom) >= 0) {
            held.add(() -> {
                try {
                    thread.execute(task);
                } catch (RejectedExecutionException e) {
                    // the track was closed
                }
            });
            return thread.schedule(() -> { }, 365, TimeUnit.DAYS);
        }
        return thread.schedule(task, Math.max(1, delay.toMillis() / 50), TimeUnit.MILLISECONDS);
    }

    List<Duration> requested() {
        return List.copyOf(requested);
    }

    int heldCount() {
        return held.size();
    }

    void releaseHeld() {
        List<Runnable> tasks = List.copyOf(held);
        held.clear();
        tasks.forEach(Runnable::run);
    }
}
