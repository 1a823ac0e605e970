package org.rallylab.track;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs a task later on the track's thread; tests record the delays and shorten them. */
@FunctionalInterface
interface Delays {

    Delays REAL = (thread, delay, task) -> thread.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);

    ScheduledFuture<?> schedule(ScheduledExecutorService thread, Duration delay, Runnable task);
}
