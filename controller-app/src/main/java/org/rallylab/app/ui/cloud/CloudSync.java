package org.rallylab.app.ui.cloud;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import java.util.function.Consumer;
import org.rallylab.app.race.RallySession;
import org.rallylab.app.race.SessionChange;
import org.rallylab.app.race.Subscription;
import org.rallylab.app.settings.CloudSettings;
import org.rallylab.domain.command.Access;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.RemoteEvent;
import org.rallylab.store.StoredEvent;
import org.rallylab.sync.client.CloudClient;
import org.rallylab.sync.client.CloudConfig;
import org.rallylab.sync.client.CloudSession;
import org.rallylab.sync.worker.PushWorker;
import org.rallylab.sync.worker.SessionHolder;
import org.rallylab.sync.worker.SyncStatus;

/**
 * The app's cloud service: the project settings, the signed-in session (saved in the
 * {@link org.rallylab.sync.client.TokenStore}, renewed tokens included) and, while a rally that
 * is in the cloud is open, a {@link PushWorker} copying its rally file there, woken after every
 * accepted command, and bringing in what other laptops pushed (a registrar's roster, a check-in
 * volunteer's arrivals) through the session, so every screen shows it at once.
 *
 * <p>A rally goes to the cloud only when asked ({@link #putInCloud()}), or because it came from
 * there (restored): the file then has a sync cursor for this project. The signed-in person's role
 * in a rally from the cloud limits what the session accepts ({@link Access}).
 *
 * <p>Racing never waits: pushes and pulls run on the worker's thread and sign-in or restore calls
 * on {@link #call}'s own thread; pulled events are appended on the JavaFX thread, like any command.
 *
 * <p>JavaFX thread only, except {@link #call}'s work. {@link #view()} says what the badge shows.
 */
public final class CloudSync implements AutoCloseable {

    /**
     * What the operator is told: set up or not, who is signed in, whether the open rally is in the
     * cloud (empty: no rally open), its sync status, and what the signed-in person may change.
     */
    public record View(boolean configured, Optional<String> signedInAs, Optional<Boolean> inCloud,
                       Optional<SyncStatus> status, Access access) {
    }

    /** A blocking call to the cloud, run on the cloud thread. */
    @FunctionalInterface
    public interface Call<T> {
        T run(CloudClient client, Optional<CloudSession> session) throws Exception;
    }

    private static final System.Logger LOG = System.getLogger(CloudSync.class.getName());

    private final CloudSettings settings;
    private final ExecutorService calls = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rallylab-cloud-calls");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyObjectWrapper<View> view = new ReadOnlyObjectWrapper<>(
            new View(false, Optional.empty(), Optional.empty(), Optional.empty(), Access.EVERYTHING));
    private final String startupProblem;
    private CloudClient client;
    private Holder holder;
    private RallySession rally;
    private Subscription wakeOnChange;
    private Subscription followRoles;
    private boolean fromCloud;
    private boolean linked;
    private Consumer<SessionChange> arrivals = change -> { };
    private PushWorker worker;
    private SyncStatus status;

    /** Reads the saved settings and sign-in; a problem with them is kept for {@link #startupProblem()}. */
    public CloudSync(CloudSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        String problem = "";
        try {
            client = settings.load().map(CloudClient::new).orElse(null);
        } catch (IOException e) {
            problem = e.getMessage();
        }
        try {
            CloudSession saved = settings.tokens().load().orElse(null);
            holder = saved == null ? null : new Holder(saved);
        } catch (IOException e) {
            problem = problem.isEmpty() ? e.getMessage() : problem + " " + e.getMessage();
        }
        startupProblem = problem;
        publish();
    }

    /** What went wrong reading the saved settings or sign-in ("" when nothing did). */
    public String startupProblem() {
        return startupProblem;
    }

    public ReadOnlyObjectProperty<View> view() {
        return view.getReadOnlyProperty();
    }

    public Optional<CloudConfig> config() {
        return Optional.ofNullable(client).map(CloudClient::config);
    }

    /** The signed-in session now, if any. */
    public Optional<CloudSession> session() {
        return holder == null ? Optional.empty() : holder.session();
    }

    /** The id of the open rally (what restore asks for), if a rally is open and has one. */
    public Optional<String> rallyId() {
        return rally == null || rally.isClosed() ? Optional.empty()
                : rally.rallyFile().flatMap(RallyFile::rallyId);
    }

    /** Whether the open rally is copied to this project (it was put there, or restored from it). */
    public boolean inCloud() {
        return linked && rally != null && !rally.isClosed();
    }

    /**
     * Reads from the rally file whether it has a cursor for this project; kept in {@link #linked}
     * when a rally opens or the project changes, so commands never wait for this read.
     */
    private boolean readLinked() {
        if (rally == null || rally.isClosed() || client == null) {
            return false;
        }
        try {
            return rally.rallyFile().isPresent() && rally.rallyFile().get().sync().hasSyncCursor(target());
        } catch (RallyFileException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the sync cursor: " + e.getMessage());
            return false;
        }
    }

    /**
     * Puts the open rally in the cloud: from now on its events (all of them, from RallyCreated) are
     * copied there, and others' changes come back. Needs the settings, a sign-in and an open rally.
     */
    public void putInCloud() throws RallyFileException {
        if (client == null || holder == null) {
            throw new IllegalStateException("Set the cloud up and sign in first (Cloud → Settings…, Sign in…).");
        }
        if (rally == null || rally.isClosed() || rally.rallyFile().isEmpty()) {
            throw new IllegalStateException("Open a rally first.");
        }
        if (!inCloud()) {
            rally.rallyFile().get().sync().acknowledge(target(), 0); // a cursor for this project: copy everything
            linked = true;
        }
        startWorker();
        publish();
    }

    /** {@code listener} hears of every batch of events pulled from the cloud into the open rally. */
    public void onArrivals(Consumer<SessionChange> listener) {
        arrivals = Objects.requireNonNull(listener, "listener");
    }

    /** Look for other laptops' changes now (Cloud → Check for changes). */
    public void pullNow() {
        if (worker != null) {
            worker.pullNow();
        }
    }

    /** The open rally's state, if one is open. */
    public Optional<org.rallylab.domain.state.RallyState> rallyState() {
        return rally == null || rally.isClosed() ? Optional.empty() : Optional.of(rally.state());
    }

    /** Saves the project settings. Another project than before signs the old session out. */
    public void configure(CloudConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        boolean otherProject = client != null && !client.config().url().equals(config.url());
        settings.save(config);
        if (otherProject && holder != null) {
            signOut();
        }
        stopWorker();
        client = new CloudClient(config);
        linked = readLinked();
        startWorker();
        limitRally();
        publish();
    }

    /** Keeps {@code session} (saved, readable by the user alone) and starts copying the open rally. */
    public void signedIn(CloudSession session) throws IOException {
        Objects.requireNonNull(session, "session");
        stopWorker();
        if (holder != null) {
            holder.end();
        }
        settings.tokens().save(session);
        holder = new Holder(session);
        startWorker();
        limitRally();
        publish();
    }

    /** Forgets the session (deletes the saved tokens) and stops copying. */
    public void signOut() throws IOException {
        stopWorker();
        if (holder != null) {
            holder.end();
            holder = null;
        }
        settings.tokens().clear();
        limitRally();
        publish();
    }

    /** A rally was opened: copy its file while it stays open (when set up and signed in). */
    public void attach(RallySession session) {
        detach();
        rally = Objects.requireNonNull(session, "session");
        fromCloud = cameFromCloud(session);
        linked = readLinked();
        followRoles = session.addListener(change -> {
            if (limitRally()) {
                publish();
            }
            if (change.fromCloud()) {
                arrivals.accept(change);
            }
        });
        startWorker();
        limitRally();
        publish();
    }

    /** The rally is closing: stop copying it (before its file closes). */
    public void detach() {
        stopWorker();
        if (followRoles != null) {
            followRoles.close();
            followRoles = null;
        }
        rally = null;
        fromCloud = false;
        linked = false;
        publish();
    }

    /** Try at once: ends a backoff, resumes after an error or a new sign-in. */
    public void retryNow() {
        if (worker != null) {
            worker.retryNow();
        } else {
            startWorker();
            publish();
        }
    }

    /**
     * Runs {@code call} on the cloud thread (never the JavaFX thread); the future completes there.
     * Fails at once when the cloud is not set up.
     */
    public <T> CompletableFuture<T> call(Call<T> call) {
        if (client == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "The cloud is not set up: enter the Supabase URL and anon key in Cloud → Settings first."));
        }
        CloudClient c = client;
        Optional<CloudSession> s = session();
        CompletableFuture<T> result = new CompletableFuture<>();
        calls.execute(() -> {
            try {
                result.complete(call.run(c, s));
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public void close() {
        detach();
        calls.shutdownNow();
    }

    private void startWorker() {
        if (worker != null || rally == null || client == null || holder == null || rally.isClosed() || !inCloud()) {
            return;
        }
        RallySession open = rally;
        PushWorker started = PushWorker.start(open.rallyFile().orElseThrow(), client, holder,
                (source, events, readUpTo) -> receiveOnFxThread(open, source, events, readUpTo));
        worker = started;
        status = started.status();
        started.addListener(next -> Platform.runLater(() -> {
            if (worker == started) {
                status = next;
                publish();
            }
        }));
        wakeOnChange = rally.addListener(change -> started.wake());
    }

    private void stopWorker() {
        if (wakeOnChange != null) {
            wakeOnChange.close();
            wakeOnChange = null;
        }
        if (worker != null) {
            worker.close();
            worker = null;
        }
        status = null;
    }

    /**
     * Hands pulled events to the session on the JavaFX thread and waits there (on the worker's
     * thread) until they are in the file, so the worker pulls on from the right place.
     */
    private static void receiveOnFxThread(RallySession open, String source, List<RemoteEvent> events, long readUpTo)
            throws RallyFileException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                if (open.isClosed()) {
                    throw new IllegalStateException("the rally was closed");
                }
                open.receive(source, events, readUpTo);
                done.complete(null);
            } catch (RallyFileException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RallyFileException file) {
                throw file;
            }
            throw new IllegalStateException("the events from the cloud could not be added: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while adding events from the cloud", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the app did not take the events from the cloud within 60 s", e);
        }
    }

    /**
     * Limits what the open rally accepts to the signed-in person's role, when the rally came from
     * the cloud (on the laptop that put it there, its owner is not limited). Whether it changed.
     */
    private boolean limitRally() {
        if (rally == null || rally.isClosed()) {
            return false;
        }
        Access now = fromCloud && inCloud() ? session().map(s -> Access.of(rally.state(), s.email()))
                .orElse(Access.EVERYTHING) : Access.EVERYTHING;
        if (now.equals(rally.access())) {
            return false;
        }
        rally.limitTo(now);
        return true;
    }

    /** Whether the rally file's first event (RallyCreated) was pulled from a server: it was restored. */
    private static boolean cameFromCloud(RallySession session) {
        try {
            Optional<RallyFile> file = session.rallyFile();
            if (file.isEmpty() || file.get().lastSequence() == 0) {
                return false;
            }
            List<StoredEvent> own = file.get().sync().readOwnAfter(0, 1);
            return own.isEmpty() || own.get(0).sequence() > 1;
        } catch (RallyFileException e) {
            return false;
        }
    }

    private String target() {
        return PushWorker.TARGET_PREFIX + client.config().url();
    }

    private void publish() {
        boolean open = rally != null && !rally.isClosed();
        view.set(new View(client != null, session().map(s -> s.email().isEmpty() ? s.userId() : s.email()),
                open ? Optional.of(inCloud()) : Optional.empty(),
                Optional.ofNullable(rally == null ? null : status),
                open ? rally.access() : Access.EVERYTHING));
    }

    /** The worker's session, saved again whenever the worker renews it; dead after sign-out. */
    private final class Holder implements SessionHolder {
        private final AtomicReference<CloudSession> current;
        private boolean ended;

        Holder(CloudSession initial) {
            current = new AtomicReference<>(initial);
        }

        @Override
        public synchronized Optional<CloudSession> session() {
            return ended ? Optional.empty() : Optional.of(current.get());
        }

        @Override
        public synchronized void update(CloudSession renewed) {
            if (ended) {
                return; // signed out meanwhile: never save tokens again
            }
            current.set(Objects.requireNonNull(renewed, "renewed"));
            try {
                settings.tokens().save(renewed);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not save the renewed sign-in: " + e.getMessage());
            }
        }

        synchronized void end() {
            ended = true;
        }
    }
}
