package org.rallylab.app.race;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.rallylab.domain.testing.Await;

/**
 * The UI thread of a test: tasks from any thread queue up here and run on the test's thread when
 * it drains them. No sleeps: {@link #runUntil} blocks on the queue until a task arrives.
 */
public final class QueuedExecutor implements Executor {

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs every task queued now, and those they queue, until the queue is empty. Returns how many ran. */
    public int runPending() {
        int ran = 0;
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
            ran++;
        }
        return ran;
    }

    /**
     * Runs tasks as they arrive until {@code done} holds (checked before each task), waiting for
     * tasks from other threads (a track) at most {@code timeout} in all.
     */
    public void runUntil(BooleanSupplier done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            Runnable task;
            try {
                task = left > 0 ? tasks.poll(left, TimeUnit.NANOSECONDS) : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            if (task == null) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            task.run();
        }
    }

    /** {@link #runUntil(BooleanSupplier, Duration, String)} with {@link Await}'s one timeout. */
    public void runUntil(BooleanSupplier done, String what) {
        runUntil(done, Await.timeout(), what);
    }
}
