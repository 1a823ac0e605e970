package org.rallylab.app.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.race.AudienceDirector;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.RaceDay;
import org.rallylab.app.race.RallySession;
import org.rallylab.app.race.TaskScheduler;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.StoredEvent;
import org.rallylab.track.Track;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A demo rally file in a test folder, opened on the JavaFX thread and wired for race day like the
 * app does it (Platform::runLater, a real timer), with a recording {@link OperatorContext}.
 * Build it from the test thread; every call hops to the JavaFX thread and waits.
 */
public final class UiFixture implements AutoCloseable {

    /** A small demo rally: Beaver Buggies 6, Kub Kars 8, Scout Trucks 5. */
    public static final DemoSetup.Counts SMALL = new DemoSetup.Counts(6, 8, 5);
    /** Results and leaderboard each shown this long in tests. */
    public static final AudienceDirector.Timing FAST = new AudienceDirector.Timing(Duration.ofMillis(300),
            Duration.ofMillis(300));

    public final Path file;
    public final RaceDay day;
    public final Context context;
    /** Every audience screen and overlay published, in order (recorded on the JavaFX thread). */
    public final List<AudienceMessage> audience = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;

    private UiFixture(Path file, RaceDay day, ScheduledExecutorService timer, Context context) {
        this.file = file;
        this.day = day;
        this.timer = timer;
        this.context = context;
        fx(() -> {
            day.audience().screens().subscribe(Runnable::run, audience::add);
            day.audience().overlay().subscribe(Runnable::run, audience::add);
            return null;
        });
    }

    /**
     * Creates the demo rally in {@code folder} with {@code counts} and opens it on {@code track}
     * (null: manual mode; the race day closes it). {@code owner}: the stage dialogs belong to.
     */
    public static UiFixture demo(Path folder, DemoSetup.Counts counts, Track track, Stage owner) {
        Path file = folder.resolve("ui-test.rallylab");
        return open(file, track, owner, () -> DemoSetup.create(file, Clock.systemUTC(), 42, counts));
    }

    /** A new rally file "Spring Rally" on 2026-04-11 with nothing else, in manual mode. */
    public static UiFixture fresh(Path folder, Stage owner) {
        Path file = folder.resolve("fresh.rallylab");
        return open(file, null, owner, () -> {
            RallySession session = RallySession.create(file, Clock.systemUTC());
            Decision d = session.execute(new Command.CreateRally("8d4c5a2e-0d6b-4c55-9a0e-6f1d2b3c4d5e", "Spring Rally", "2026-04-11",
                    "organizer@example.org"));
            if (!(d instanceof Decision.Accepted)) {
                throw new AssertionError("CreateRally: " + d.message());
            }
            return session;
        });
    }

    /** Opens an existing rally file again, in manual mode. */
    public static UiFixture reopen(Path file, Stage owner) {
        return open(file, null, owner, () -> RallySession.open(file, Clock.systemUTC()));
    }

    private static UiFixture open(Path file, Track track, Stage owner, Callable<RallySession> session) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ui-test-timer");
            t.setDaemon(true);
            return t;
        });
        RaceDay day = fx(() -> RaceDay.start(session.call(), track, Platform::runLater,
                TaskScheduler.using(timer, Platform::runLater), FAST));
        return new UiFixture(file, day, timer, new Context(day, owner));
    }

    /** Executes {@code command} on the JavaFX thread; it must be accepted. */
    public void run(Command command) {
        Decision d = fx(() -> day.session().execute(command));
        if (!(d instanceof Decision.Accepted)) {
            throw new AssertionError(command + ": " + d.message());
        }
    }

    /** Runs {@code work} on the JavaFX thread and returns its result (rethrowing its failure). */
    public static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("on the JavaFX thread: " + e, e);
        }
    }

    /** Closes every window but {@code stage}: a dialog a failed test left open. */
    public static void closeWindowsBut(javafx.stage.Window stage) {
        fxRun(() -> java.util.List.copyOf(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w != stage && w instanceof javafx.stage.Stage)
                .forEach(w -> ((javafx.stage.Stage) w).close()));
    }

    /** Runs {@code work} on the JavaFX thread and waits. */
    public static void fxRun(Runnable work) {
        fx(() -> {
            work.run();
            return null;
        });
    }

    /** The section named {@code name}, as the session sees it now. */
    public SectionState section(String name) {
        return fx(() -> day.session().state().findSection(name).orElseThrow());
    }

    /** Every event in the rally file, read back by a separate read-only open. */
    public List<DomainEvent> eventsOnDisk() {
        List<DomainEvent> events = new ArrayList<>();
        try (RallyFile reader = RallyFile.openReadOnly(file)) {
            reader.replay(e -> events.add(e.event()));
        } catch (RallyFileException e) {
            throw new AssertionError(e);
        }
        return events;
    }

    /** The events on disk after the first {@code skip}. */
    public List<DomainEvent> eventsOnDiskAfter(int skip) {
        List<DomainEvent> all = eventsOnDisk();
        return all.subList(Math.min(skip, all.size()), all.size());
    }

    /** The types of the events on disk after the first {@code skip}. */
    public List<String> typesOnDiskAfter(int skip) {
        return eventsOnDiskAfter(skip).stream().map(DomainEvent::type).toList();
    }

    /** Shows {@code screen}'s view in {@code stage} with the operator stylesheet. */
    public static void show(Stage stage, OperatorScreen screen, double width, double height) {
        fxRun(() -> {
            Parent view = screen.view();
            stage.setScene(Ui.scene(view, width, height));
            stage.show();
        });
    }

    @Override
    public void close() {
        fxRun(() -> {
            try {
                day.close();
            } catch (RallyFileException e) {
                throw new IllegalStateException(e);
            }
        });
        timer.shutdownNow();
    }

    /** An {@link OperatorContext} that records notices and where the screen asked to go. */
    public static final class Context implements OperatorContext {
        public final List<String> notices = new CopyOnWriteArrayList<>();
        /** "home", "checkIn:SECTION_ID", "console", ... */
        public final List<String> visits = new CopyOnWriteArrayList<>();
        private final RaceDay day;
        private final Stage owner;

        Context(RaceDay day, Stage owner) {
            this.day = day;
            this.owner = owner;
        }

        @Override
        public RaceDay day() {
            return day;
        }

        @Override
        public Window window() {
            return owner;
        }

        @Override
        public void notice(String message) {
            notices.add(message);
        }

        @Override
        public Navigator go() {
            return new Navigator() {
                public void home() { visits.add("home"); }
                public void editRally() { visits.add("editRally"); }
                public void checkIn(String sectionId) { visits.add("checkIn:" + sectionId); }
                public void startSection(String sectionId) { visits.add("startSection:" + sectionId); }
                public void console() { visits.add("console"); }
                public void sectionComplete(String sectionId) { visits.add("sectionComplete:" + sectionId); }
                public void inspector() { visits.add("inspector"); }
                public void help() { visits.add("help"); }
                public void closeRally() { visits.add("closeRally"); }
                public void toggleAudience() { visits.add("toggleAudience"); }
                public void audienceFullScreen() { visits.add("audienceFullScreen"); }
            };
        }
    }
}
