package org.rallylab.app.race;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task on the UI thread after a delay: how the race core waits (the audience's
 * results-then-leaderboard timing, retries) without sleeping and without JavaFX. The app uses
 * {@link #using}; tests use a manual scheduler whose time they advance.
 */
@FunctionalInterface
public interface TaskScheduler {

    /** A task that was scheduled; cancelling one that already ran (or was cancelled) does nothing. */
    @FunctionalInterface
    interface Scheduled {
        void cancel();
    }

    /** Runs {@code task} on the UI thread once {@code delay} has passed. */
    Scheduled schedule(Duration delay, Runnable task);

    /**
     * Waits on {@code timer} (a daemon thread of the caller's, e.g. one
     * {@code Executors.newSingleThreadScheduledExecutor}), then hands the task to {@code ui}
     * (the app passes {@code Platform::runLater}). A task cancelled before it reaches the UI thread
     * does not run.
     */
    static TaskScheduler using(ScheduledExecutorService timer, Executor ui) {
        Objects.requireNonNull(timer, "timer");
        Objects.requireNonNull(ui, "ui");
        return (delay, task) -> {
            Objects.requireNonNull(task, "task");
            boolean[] cancelled = {false};
            Runnable onUi = () -> {
                if (!cancelled[0]) {
                    task.run();
                }
            };
            ScheduledFuture<?> waiting = timer.schedule(() -> ui.execute(onUi), Math.max(0, delay.toNanos()),
                    TimeUnit.NANOSECONDS);
            return () -> {
                cancelled[0] = true; // read and written on the UI thread only
                waiting.cancel(false);
            };
        };
    }
}
