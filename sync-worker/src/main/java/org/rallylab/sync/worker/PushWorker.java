package org.rallylab.sync.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.StoredEvent;
import org.rallylab.sync.client.CloudClient;
import org.rallylab.sync.client.CloudException;
import org.rallylab.sync.client.CloudSession;
import org.rallylab.store.RemoteEvent;
import org.rallylab.sync.client.EventRow;
import org.rallylab.sync.client.PulledEvent;

/**
 * Copies a rally file's events to the cloud in the background, on its own
 * single thread: no method blocks its caller, so racing never waits for the network. When
 * everything is pushed it also pulls what other laptops pushed to the rally (a registrar's
 * roster, a check-in volunteer's arrivals) and hands it to a {@link PullSink}.
 *
 * <p>Each round reads up to {@value #BATCH_SIZE} of this laptop's events (not those pulled) after the cursor
 * {@code syncCursor("supabase:" + url)}, pushes them (ignore-duplicates, so a repeat is
 * harmless) and acknowledges the last one only after a 2xx answer. A full batch is followed
 * at once by the next; when everything is pushed it looks again every 5 s (a local read, no
 * network), and {@link #wake()} looks at once. Network errors, 5xx and 429 retry after an
 * exponential backoff with jitter capped at 60 s (longer only when the server's Retry-After
 * asks); {@link #wake()} does not cut a backoff short, {@link #retryNow()} does (call it when
 * the network comes back, or from the badge's "retry now"). A 401 renews the session once
 * through the {@link SessionHolder}; a second 401 stops with {@link SyncStatus.SignedOut}.
 * 403 and other refusals stop with {@link SyncStatus.Error} carrying the server's message.
 * A stopped worker waits for {@link #retryNow()} (after a new sign-in, say).
 *
 * <p>Listeners hear every change of {@link #status()} on the worker's thread (a JavaFX screen
 * hands it to {@code Platform.runLater}). Sharing the app's open RallyFile is safe: its
 * methods are synchronized.
 */
public final class PushWorker implements AutoCloseable {

    public static final int BATCH_SIZE = 500;
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    /** How often a worker with a {@link PullSink} looks for other laptops' events while idle. */
    public static final Duration PULL_INTERVAL = Duration.ofSeconds(15);
    /** A session this close to expiry is renewed before pushing. */
    public static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
    /** Prefix of the rally file's sync cursor name; the project URL follows. */
    public static final String TARGET_PREFIX = "supabase:";

    private final RallyFile file;
    private final CloudClient client;
    private final SessionHolder sessions;
    private final PullSink sink; // null: push only
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;
    private final Backoff backoff;
    private final String target;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();

    // Only touched on the worker's thread.
    private ScheduledFuture<?> pending;
    private int failures;
    private boolean backingOff;
    private boolean halted;
    private Instant lastPull;
    private boolean pullRequested;

    private volatile boolean closed;
    private volatile SyncStatus status = new SyncStatus.Waiting(0);

    /**
     * A worker on {@code executor}, which must run one task at a time (a single thread); the
     * caller keeps ownership of it. Call {@link #start()}.
     */
    public PushWorker(RallyFile file, CloudClient client, SessionHolder sessions, Clock clock,
                      ScheduledExecutorService executor, Random random) {
        this(file, client, sessions, null, clock, executor, random, false);
    }

    /**
     * {@link #PushWorker(RallyFile, CloudClient, SessionHolder, Clock, ScheduledExecutorService, Random)}
     * that also pulls other laptops' events into {@code sink} (null: push only).
     */
    public PushWorker(RallyFile file, CloudClient client, SessionHolder sessions, PullSink sink, Clock clock,
                      ScheduledExecutorService executor, Random random) {
        this(file, client, sessions, sink, clock, executor, random, false);
    }

    private PushWorker(RallyFile file, CloudClient client, SessionHolder sessions, PullSink sink, Clock clock,
                       ScheduledExecutorService executor, Random random, boolean ownsExecutor) {
        this.sink = sink;
        this.file = Objects.requireNonNull(file, "file");
        this.client = Objects.requireNonNull(client, "client");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.backoff = new Backoff(Objects.requireNonNull(random, "random"));
        this.ownsExecutor = ownsExecutor;
        this.target = TARGET_PREFIX + client.config().url();
    }

    /** Starts a worker on a thread of its own (a daemon named "rallylab-cloud-push"). */
    public static PushWorker start(RallyFile file, CloudClient client, SessionHolder sessions) {
        return start(file, client, sessions, null);
    }

    /**
     * {@link #start(RallyFile, CloudClient, SessionHolder)} that also pulls other laptops' events
     * into {@code sink} (null: push only).
     */
    public static PushWorker start(RallyFile file, CloudClient client, SessionHolder sessions, PullSink sink) {
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "rallylab-cloud-push");
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        PushWorker worker = new PushWorker(file, client, sessions, sink, Clock.systemUTC(), thread, new Random(), true);
        worker.start();
        return worker;
    }

    /** Begins: the first round runs at once. */
    public void start() {
        submit(this::round);
    }

    /** New events were appended: push them now, unless waiting out a backoff or stopped. */
    public void wake() {
        submit(() -> {
            if (!halted && !backingOff) {
                round();
            }
        });
    }

    /** Look for other laptops' events now (and push), unless waiting out a backoff or stopped. */
    public void pullNow() {
        submit(() -> {
            pullRequested = true;
            if (!halted && !backingOff) {
                round();
            }
        });
    }

    /** Try now whatever the state: ends a backoff, and resumes after SIGNED_OUT or ERROR. */
    public void retryNow() {
        submit(() -> {
            pullRequested = true;
            halted = false;
            backingOff = false;
            failures = 0;
            round();
        });
    }

    /** The current status (any thread). */
    public SyncStatus status() {
        return status;
    }

    /** The name of this worker's cursor in the rally file. */
    public String target() {
        return target;
    }

    /** {@code listener} hears every status change, on the worker's thread. */
    public void addListener(Consumer<SyncStatus> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<SyncStatus> listener) {
        listeners.remove(listener);
    }

    /** Stops the worker (a push in flight finishes or fails harmlessly); does not close the rally file. */
    @Override
    public void close() {
        closed = true;
        submit(this::cancelPending);
        if (ownsExecutor) {
            executor.shutdown();
        }
    }

    private void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // closed: nothing more to do
        }
    }

    /** One round, guarded so that nothing can kill the worker's thread. */
    private void round() {
        cancelPending();
        if (closed || halted) {
            return;
        }
        try {
            pushOnce();
        } catch (RuntimeException e) {
            halt(new SyncStatus.Error("syncing stopped on an unexpected problem (" + e + "); nothing local was"
                    + " lost: use \"retry now\", and report it if it comes back"));
        }
    }

    private void pushOnce() {
        long waiting = 0;
        try {
            Optional<CloudSession> current = sessions.session();
            if (current.isEmpty()) {
                halt(new SyncStatus.SignedOut("sign in to copy this rally to the cloud"));
                return;
            }
            long cursor = file.sync().syncCursor(target);
            List<StoredEvent> batch = file.sync().readOwnAfter(cursor, BATCH_SIZE);
            CloudSession session = current.get();
            if (batch.isEmpty()) {
                pull(session);
                caughtUp();
                return;
            }
            waiting = file.sync().countOwnAfter(cursor);
            publish(new SyncStatus.Waiting(waiting));
            if (session.expiresWithin(REFRESH_MARGIN, clock)) {
                session = renew(session);
            }
            session = push(session, batch);
            long last = batch.get(batch.size() - 1).sequence();
            file.sync().acknowledge(target, last);
            failures = 0;
            backingOff = false;
            long left = file.sync().countOwnAfter(last);
            if (left > 0) {
                publish(new SyncStatus.Waiting(left));
                schedule(Duration.ZERO);
            } else {
                pull(session);
                caughtUp();
            }
        } catch (SignInNeeded e) {
            halt(new SyncStatus.SignedOut(e.getMessage()));
        } catch (CloudException e) {
            if (e.isTemporary()) {
                retryLater(e, waiting);
            } else {
                halt(new SyncStatus.Error(e.getMessage()));
            }
        } catch (RallyFileException e) {
            halt(new SyncStatus.Error(e.getMessage()));
        }
    }

    /** Pushes {@code batch}; returns the session used (renewed once after a 401). */
    private CloudSession push(CloudSession session, List<StoredEvent> batch)
            throws CloudException, SignInNeeded, RallyFileException {
        try {
            client.push(session, rows(batch, session));
            return session;
        } catch (CloudException.Unauthorized first) {
            CloudSession renewed = renew(session);
            try {
                client.push(renewed, rows(batch, renewed));
                return renewed;
            } catch (CloudException.Unauthorized again) {
                throw new SignInNeeded("the server refused the sign-in even after renewing it: sign in again");
            }
        }
    }

    /**
     * Reads what others pushed to the rally since the last pull (registrars' rosters, a check-in
     * volunteer's arrivals) and hands it to the {@link PullSink}, page by page until an empty one.
     * This laptop's own rows are left out: they are in the file already.
     */
    private void pull(CloudSession session) throws CloudException, SignInNeeded, RallyFileException {
        Optional<String> rally = file.rallyId();
        Instant now = clock.instant();
        boolean due = pullRequested || lastPull == null || !now.isBefore(lastPull.plus(PULL_INTERVAL));
        if (sink == null || rally.isEmpty() || !due) {
            return;
        }
        long writer = file.sync().writerId();
        long after = file.sync().pullCursor(target);
        while (!closed) {
            List<PulledEvent> page;
            try {
                page = client.pullAfter(session, rally.get(), after, CloudClient.SERVER_ROW_CAP);
            } catch (CloudException.Unauthorized first) {
                session = renew(session);
                try {
                    page = client.pullAfter(session, rally.get(), after, CloudClient.SERVER_ROW_CAP);
                } catch (CloudException.Unauthorized again) {
                    throw new SignInNeeded("the server refused the sign-in even after renewing it: sign in again");
                }
            }
            if (page.isEmpty()) {
                lastPull = now;
                pullRequested = false;
                return;
            }
            List<RemoteEvent> others = new ArrayList<>(page.size());
            for (PulledEvent row : page) {
                if (!EventRow.pushedBy(writer, row.clientEventId())) {
                    others.add(new RemoteEvent(row.id(), row.event()));
                }
            }
            after = page.get(page.size() - 1).id();
            sink.receive(target, others, after);
        }
    }

    private CloudSession renew(CloudSession session) throws CloudException, SignInNeeded {
        CloudSession renewed;
        try {
            renewed = client.refresh(session);
        } catch (CloudException.Unauthorized | CloudException.Rejected | CloudException.Forbidden e) {
            throw new SignInNeeded("the sign-in has expired and could not be renewed: sign in again");
        }
        sessions.update(renewed);
        return renewed;
    }

    private List<EventRow> rows(List<StoredEvent> batch, CloudSession session) throws RallyFileException {
        String fileRally = file.rallyId().orElse(null);
        long writer = file.sync().writerId();
        List<EventRow> rows = new ArrayList<>(batch.size());
        for (StoredEvent stored : batch) {
            rows.add(EventRow.of(stored, fileRally, writer, session.userId()));
        }
        return rows;
    }

    private void caughtUp() {
        failures = 0;
        backingOff = false;
        publish(new SyncStatus.Synced());
        schedule(POLL_INTERVAL);
    }

    private void retryLater(CloudException e, long waiting) {
        failures++;
        backingOff = true;
        Duration retryAfter = e instanceof CloudException.ServerBusy
                ? ((CloudException.ServerBusy) e).retryAfter().orElse(null) : null;
        Duration wait = backoff.delay(failures, retryAfter);
        Instant next = clock.instant().plus(wait);
        publish(new SyncStatus.Offline(waiting, next, e.getMessage()));
        schedule(wait);
    }

    private void halt(SyncStatus why) {
        halted = true;
        backingOff = false;
        cancelPending();
        publish(why);
    }

    private void schedule(Duration delay) {
        cancelPending();
        if (closed) {
            return;
        }
        try {
            pending = executor.schedule(this::round, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the executor was shut down: the worker is closed
        }
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void publish(SyncStatus next) {
        if (closed || next.equals(status)) {
            return;
        }
        status = next;
        for (Consumer<SyncStatus> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                // a broken screen must not stop the copy to the cloud
            }
        }
    }

    /** The session cannot be used or renewed: the operator must sign in again. */
    private static final class SignInNeeded extends Exception {
        SignInNeeded(String message) {
            super(message, null, false, false);
        }
    }
}
