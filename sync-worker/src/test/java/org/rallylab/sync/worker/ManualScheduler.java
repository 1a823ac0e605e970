package org.rallylab.sync.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A single-threaded scheduler on a manual clock, for deterministic worker tests: tasks run
 * only when the test calls {@link #runDue()} or {@link #runNext()}, on the test's thread, and
 * every requested delay is recorded.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    /** The clock the scheduler moves; hand it to the code under test. */
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the manual clock is UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Every delay a task was scheduled with, in order (0 for execute). */
    final List<Duration> requestedDelays = new ArrayList<>();

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private Instant now;
    private long order;
    private boolean shutdown;

    ManualScheduler(Instant start) {
        this.now = start;
    }

    Instant now() {
        return now;
    }

    /** Runs every task due now, including those they schedule for now. */
    void runDue() {
        for (int guard = 0; guard < 100_000; guard++) {
            Task next = peekLive();
            if (next == null || next.due.isAfter(now)) {
                return;
            }
            queue.poll().run();
        }
        throw new AssertionError("tasks keep scheduling tasks for now: a busy loop");
    }

    /** Moves the clock to the next pending task and runs everything due then; returns the time moved. */
    Duration runNext() {
        Task next = peekLive();
        if (next == null) {
            throw new AssertionError("nothing is scheduled");
        }
        Duration moved = Duration.between(now, next.due);
        if (!moved.isNegative()) {
            now = next.due;
        }
        runDue();
        return moved;
    }

    /** Moves the clock on by {@code time} and runs what became due. */
    void advance(Duration time) {
        now = now.plus(time);
        runDue();
    }

    /** The delay until the next pending task, or null when nothing is pending. */
    Duration nextDelay() {
        Task next = peekLive();
        return next == null ? null : Duration.between(now, next.due);
    }

    Duration lastRequestedDelay() {
        return requestedDelays.get(requestedDelays.size() - 1);
    }

    private Task peekLive() {
        while (!queue.isEmpty() && queue.peek().cancelled) {
            queue.poll();
        }
        return queue.peek();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }
        Duration wait = Duration.ofNanos(unit.toNanos(delay));
        requestedDelays.add(wait);
        Task task = new Task(now.plus(wait), order++, command);
        queue.add(task);
        return task;
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("the push worker schedules Runnables only");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("the push worker does not use fixed rates");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("the push worker does not use fixed delays");
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(queue);
        queue.clear();
        return left;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && peekLive() == null;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private final class Task implements ScheduledFuture<Object>, Runnable {
        final Instant due;
        final long seq;
        final Runnable command;
        boolean cancelled;
        boolean done;

        Task(Instant due, long seq, Runnable command) {
            this.due = due;
            this.seq = seq;
            this.command = command;
        }

        @Override
        public void run() {
            if (!cancelled) {
                command.run();
            }
            done = true;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(now, due));
        }

        @Override
        public int compareTo(Delayed other) {
            Task that = (Task) other;
            int byTime = due.compareTo(that.due);
            return byTime != 0 ? byTime : Long.compare(seq, that.seq);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
