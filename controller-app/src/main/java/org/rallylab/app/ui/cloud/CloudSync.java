package org.rallylab.app.ui.cloud;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.rallylab.app.race.RallySession;
import org.rallylab.app.race.Subscription;
import org.rallylab.app.settings.CloudSettings;
import org.rallylab.store.RallyFile;
import org.rallylab.sync.client.CloudClient;
import org.rallylab.sync.client.CloudConfig;
import org.rallylab.sync.client.CloudSession;
import org.rallylab.sync.worker.PushWorker;
import org.rallylab.sync.worker.SessionHolder;
import org.rallylab.sync.worker.SyncStatus;

/**
 * The app's cloud service: the project settings, the signed-in session (saved in the
 * {@link org.rallylab.sync.client.TokenStore}, renewed tokens included) and, while a rally is
 * open, a {@link PushWorker} copying its rally file to the cloud, woken after every accepted
 * command. Racing never waits: pushes run on the worker's thread and sign-in or restore calls on
 * {@link #call}'s own thread; only local settings files are touched here.
 *
 * <p>JavaFX thread only, except {@link #call}'s work. {@link #view()} says what the badge shows.
 */
public final class CloudSync implements AutoCloseable {

    /** What the operator is told: set up or not, who is signed in, and the open rally's sync status. */
    public record View(boolean configured, Optional<String> signedInAs, Optional<SyncStatus> status) {
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
            new View(false, Optional.empty(), Optional.empty()));
    private final String startupProblem;
    private CloudClient client;
    private Holder holder;
    private RallySession rally;
    private Subscription wakeOnChange;
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
        startWorker();
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
        publish();
    }

    /** A rally was opened: copy its file while it stays open (when set up and signed in). */
    public void attach(RallySession session) {
        detach();
        rally = Objects.requireNonNull(session, "session");
        startWorker();
        publish();
    }

    /** The rally is closing: stop copying it (before its file closes). */
    public void detach() {
        stopWorker();
        rally = null;
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
        if (worker != null || rally == null || client == null || holder == null || rally.isClosed()) {
            return;
        }
        Optional<RallyFile> file = rally.rallyFile();
        if (file.isEmpty()) {
            return;
        }
        PushWorker started = PushWorker.start(file.get(), client, holder);
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

    private void publish() {
        view.set(new View(client != null, session().map(s -> s.email().isEmpty() ? s.userId() : s.email()),
                Optional.ofNullable(rally == null ? null : status)));
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
