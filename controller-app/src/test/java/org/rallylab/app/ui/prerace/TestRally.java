package org.rallylab.app.ui.prerace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.rallylab.app.race.RaceDay;
import org.rallylab.app.race.RallySession;
import org.rallylab.app.race.TaskScheduler;
import org.rallylab.app.ui.Navigator;
import org.rallylab.app.ui.OperatorContext;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;

/**
 * A fresh rally file (only RallyCreated) in a test folder, opened on the JavaFX thread for race
 * day in manual mode, with an {@link OperatorContext} that records notices and visits.
 */
final class TestRally implements AutoCloseable {

    final Path file;
    final RaceDay day;
    final Context context;
    private final ScheduledExecutorService timer;

    private TestRally(Path file, RaceDay day, ScheduledExecutorService timer, Stage owner) {
        this.file = file;
        this.day = day;
        this.timer = timer;
        this.context = new Context(day, owner);
    }

    /** "Spring Rally" on 2026-04-11, nothing else. */
    static TestRally fresh(Path folder, Stage owner) {
        Path file = folder.resolve("fresh.rallylab");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "prerace-test-timer");
            t.setDaemon(true);
            return t;
        });
        RaceDay day = UiFixture.fx(() -> {
            RallySession session = RallySession.create(file, Clock.systemUTC());
            Decision d = session.execute(new Command.CreateRally("rally-1", "Spring Rally", "2026-04-11",
                    "organizer@example.org"));
            assertThat(d).isInstanceOf(Decision.Accepted.class);
            return RaceDay.start(session, null, Platform::runLater, TaskScheduler.using(timer, Platform::runLater),
                    UiFixture.FAST);
        });
        return new TestRally(file, day, timer, owner);
    }

    /** Executes {@code command} on the JavaFX thread; it must be accepted. */
    void run(Command command) {
        Decision d = UiFixture.fx(() -> day.session().execute(command));
        assertThat(d).as("%s: %s", command, d.message()).isInstanceOf(Decision.Accepted.class);
    }

    /** Every event in the rally file, read back by a separate read-only open. */
    List<DomainEvent> eventsOnDisk() {
        List<DomainEvent> events = new ArrayList<>();
        try (RallyFile reader = RallyFile.openReadOnly(file)) {
            reader.replay(e -> events.add(e.event()));
        } catch (RallyFileException e) {
            throw new AssertionError(e);
        }
        return events;
    }

    /** The events on disk after the first {@code skip}. */
    List<DomainEvent> eventsAfter(int skip) {
        List<DomainEvent> all = eventsOnDisk();
        return all.subList(Math.min(skip, all.size()), all.size());
    }

    /** Their types. */
    List<String> typesAfter(int skip) {
        return eventsAfter(skip).stream().map(DomainEvent::type).toList();
    }

    @Override
    public void close() {
        UiFixture.fxRun(() -> {
            try {
                day.close();
            } catch (RallyFileException e) {
                throw new IllegalStateException(e);
            }
        });
        timer.shutdownNow();
    }

    /** Records notices and where the screen asked to go. */
    static final class Context implements OperatorContext {
        final List<String> notices = new CopyOnWriteArrayList<>();
        final List<String> visits = new CopyOnWriteArrayList<>();
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
