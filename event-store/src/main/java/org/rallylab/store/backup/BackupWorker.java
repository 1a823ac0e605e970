package org.rallylab.store.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.rallylab.store.Disk;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;

/**
 * Keeps the USB backup of an open rally file up to date, on its own daemon thread
 * ({@value #THREAD_NAME}), never making racing wait.
 *
 * <p>{@link #changed()} asks for a write and returns at once. Requests are coalesced: at most
 * one write runs at a time, and requests that arrive while it runs cause exactly one more write,
 * of the newest log. A failed write (the stick was pulled, is full or read-only) turns the status
 * to {@link BackupStatus.Offline} with the reason; the worker then tries again every
 * {@link #RETRY} by itself, and at once on the next request. Every write is of the whole log, so
 * the first one to succeed after an outage brings the backup up to date.
 *
 * <p>Listeners are called on the worker's thread: a screen hands the status to its own thread.
 */
public final class BackupWorker implements AutoCloseable {

    public static final String THREAD_NAME = "rallylab-backup";
    /** How long the worker waits before trying a failed write again. */
    public static final Duration RETRY = Duration.ofSeconds(2);

    private final RallyFile file;
    private final Path folder;
    private final Clock clock;
    private final Disk disk;
    private final Duration retryAfter;
    private final ScheduledThreadPoolExecutor thread;
    private final List<Consumer<BackupStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile BackupStatus status = new BackupStatus.Idle();
    // guarded by lock
    private boolean started;
    private boolean closed;
    private boolean requested;
    private boolean draining;
    private ScheduledFuture<?> retry;
    private List<CompletableFuture<BackupStatus>> waiting = new ArrayList<>();

    /** A worker backing {@code file} up into {@code folder}; it writes nothing before {@link #start()}. */
    public BackupWorker(RallyFile file, Path folder, Clock clock) {
        this(file, folder, clock, Disk.LOCAL, RETRY);
    }

    BackupWorker(RallyFile file, Path folder, Clock clock, Disk disk, Duration retryAfter) {
        this.file = Objects.requireNonNull(file, "file");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.disk = Objects.requireNonNull(disk, "disk");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        this.thread = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
    }

    /** Starts: writes the log as it is now (when it has events), then after each {@link #changed()}. */
    public void start() {
        synchronized (lock) {
            if (started || closed) {
                return;
            }
            started = true;
            requested = true;
            kick();
        }
    }

    /** The log changed: a write of the newest log will follow. Never blocks. */
    public void changed() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            requested = true;
            if (started) {
                kick();
            }
        }
    }

    /**
     * Asks for a write now (the operator pressed "back up now", or put the stick back), even
     * before {@link #start()}. The future completes with the status after that write; at once,
     * with the current status, when the worker is closed.
     */
    public CompletableFuture<BackupStatus> writeNow() {
        CompletableFuture<BackupStatus> done = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                done.complete(status);
                return done;
            }
            waiting.add(done);
            requested = true;
            kick();
        }
        return done;
    }

    public BackupStatus status() {
        return status;
    }

    /** Called on the worker's thread with each new status. */
    public void addListener(Consumer<BackupStatus> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public Path folder() {
        return folder;
    }

    /**
     * Stops: no write starts after this; a write already running is let finish (up to 10 s, then
     * interrupted, which leaves the previous backup). The thread is gone when this returns.
     */
    @Override
    public void close() {
        List<CompletableFuture<BackupStatus>> left;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (retry != null) {
                retry.cancel(false);
            }
            left = waiting;
            waiting = new ArrayList<>();
        }
        left.forEach(f -> f.complete(status));
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
                thread.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Makes sure a drain runs (lock held): an attempt now replaces a waiting retry. */
    private void kick() {
        if (draining) {
            return;
        }
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
        try {
            thread.execute(this::drain);
            draining = true;
        } catch (RejectedExecutionException e) {
            // closing: nothing further is written
        }
    }

    /** Writes while writes are requested; each write takes every request made before it began. */
    private void drain() {
        while (true) {
            List<CompletableFuture<BackupStatus>> served;
            synchronized (lock) {
                if (closed || !requested) {
                    draining = false;
                    return;
                }
                requested = false;
                served = waiting;
                waiting = new ArrayList<>();
            }
            BackupStatus after = attempt();
            served.forEach(f -> f.complete(after));
        }
    }

    private BackupStatus attempt() {
        try {
            if (file.lastSequence() == 0) {
                return status; // nothing to back up yet
            }
            BackupFiles.Written written = BackupFiles.write(file, folder, disk, clock);
            return publish(new BackupStatus.Written(written.at(), written.events()));
        } catch (IOException | RallyFileException | RuntimeException e) {
            BackupStatus now = status;
            BackupStatus offline = new BackupStatus.Offline(String.valueOf(e.getMessage()),
                    now instanceof BackupStatus.Offline o ? o.since() : clock.instant());
            scheduleRetry();
            return publish(offline);
        }
    }

    private void scheduleRetry() {
        synchronized (lock) {
            if (closed || retry != null) {
                return;
            }
            try {
                retry = thread.schedule(this::retryNow, retryAfter.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    private void retryNow() {
        synchronized (lock) {
            retry = null;
            if (closed) {
                return;
            }
            requested = true;
            kick();
        }
    }

    private BackupStatus publish(BackupStatus next) {
        status = next;
        for (Consumer<BackupStatus> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                // a screen's trouble must not stop the backups
            }
        }
        return next;
    }
}
