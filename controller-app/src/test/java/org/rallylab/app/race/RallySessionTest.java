package org.rallylab.app.race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.command.RaceRules;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.testing.Await;
import org.rallylab.store.EventLog;
import org.rallylab.store.InMemoryEventLog;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.StoredEvent;

class RallySessionTest {

    @TempDir
    Path folder;

    private final ManualTime time = new ManualTime();

    @Test
    void execute_accepted_appendsThenAppliesTheStoredEventsThenTellsListeners() throws Exception {
        RaceDayFixture f = RaceDayFixture.create(folder);
        List<SessionChange> changes = new ArrayList<>();
        f.session.addListener(change -> {
            // what a listener sees is on disk already
            assertThat(f.disk()).hasSize((int) change.events().get(change.events().size() - 1).sequence());
            changes.add(change);
        });
        String section = f.section("Kub Kars", 3);
        assertThat(changes).hasSize(2);
        SessionChange roster = changes.get(1);
        assertThat(roster.command()).isInstanceOf(Command.LoadRoster.class);
        assertThat(roster.events()).singleElement().satisfies(e -> {
            assertThat(e.sequence()).isEqualTo(3);
            assertThat(e.type()).isEqualTo("RosterLoaded");
        });
        assertThat(roster.state()).isSameAs(f.session.state());
        assertThat(f.session.state().section(section)).isPresent();
        assertThat(f.session.events()).extracting(StoredEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(f.session.lastSequence()).isEqualTo(3);
        f.assertStateIsTheFoldOfTheFile();
        f.session.close();
    }

    @Test
    void execute_rejected_nothingWrittenNoListenerCalled() throws Exception {
        RaceDayFixture f = RaceDayFixture.create(folder);
        String section = f.section("Kub Kars", 3);
        List<SessionChange> changes = new ArrayList<>();
        f.session.addListener(changes::add);
        Decision d = f.session.execute(new Command.StartSection(section, List.of(1, 2)));
        assertThat(d).isInstanceOf(Decision.Rejected.class);
        assertThat(d.message()).contains("Check in at least 2 cars");
        assertThat(changes).isEmpty();
        assertThat(f.disk()).hasSize(3);
        f.session.close();
    }

    /** Issue 12: a dialog asks the rules through the session and shows their answer; nothing is written. */
    @Test
    void preview_answersWhatExecuteWould_withNothingWrittenAppliedOrAnnounced() throws Exception {
        RaceDayFixture f = RaceDayFixture.create(folder);
        String section = f.section("Kub Kars", 3);
        List<SessionChange> changes = new ArrayList<>();
        f.session.addListener(changes::add);
        RallyState before = f.session.state().copy();

        Decision refused = f.session.preview(new Command.StartSection(section, List.of(1, 2)));
        assertThat(refused).isInstanceOf(Decision.Rejected.class);
        assertThat(refused.message()).isEqualTo(f.session.execute(new Command.StartSection(section, List.of(1, 2)))
                .message());
        Decision arrival = f.session.preview(new Command.MarkArrived(section, "1"));
        assertThat(arrival.events()).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("CarArrived"));

        assertThat(f.session.state()).isEqualTo(before);
        assertThat(f.disk()).hasSize(3);
        assertThat(changes).isEmpty();
        f.session.close();
    }

    @Test
    void preview_aRoleThatMayNot_refusedAsExecuteRefusesIt() throws Exception {
        RaceDayFixture f = RaceDayFixture.create(folder);
        String section = f.section("Kub Kars", 3);
        f.ok(new Command.InviteCheckInVolunteer(section, "volunteer@example.org", "organizer@example.org"));
        f.session.limitTo(org.rallylab.domain.command.Access.of(f.session.state(), "volunteer@example.org"));
        Command rename = new Command.RenameSection(section, "Kubs");

        Decision previewed = f.session.preview(rename);
        assertThat(previewed).isInstanceOf(Decision.Rejected.class);
        assertThat(previewed.message()).isEqualTo(f.session.execute(rename).message());
        assertThat(f.session.preview(new Command.MarkArrived(section, "1"))).isInstanceOf(Decision.Accepted.class);
        f.session.close();
    }

    @Test
    void execute_appendFails_stateUntouchedAndTheStoresMessageReturned() throws Exception {
        FailingLog log = new FailingLog();
        RallySession session = RallySession.over(log, folder.resolve("x.rallylab"), time, new RaceRules());
        session.execute(new Command.CreateRally("r-1", "Test Rally", null, "o@example.org"));
        RallyState before = RallyState.replay(session.events().stream().map(StoredEvent::event).toList());
        List<SessionChange> changes = new ArrayList<>();
        session.addListener(changes::add);
        log.failing = true;
        Decision d = session.execute(new Command.CreateSection("s-1", "Kub Kars", "o@example.org"));
        assertThat(d).isInstanceOfSatisfying(Decision.Rejected.class,
                r -> assertThat(r.message()).isEqualTo("x.rallylab cannot be written: the disk is full"));
        assertThat(session.state()).isEqualTo(before);
        assertThat(session.events()).hasSize(1);
        assertThat(changes).isEmpty();
        log.failing = false;
        assertThat(session.execute(new Command.CreateSection("s-1", "Kub Kars", "o@example.org")))
                .isInstanceOf(Decision.Accepted.class);
        session.close();
    }

    @Test
    void open_fileLockedByAnotherSession_refusedWithTheStoresReason() throws Exception {
        RaceDayFixture f = RaceDayFixture.create(folder);
        assertThatThrownBy(() -> RallySession.open(f.file, time)).isInstanceOfSatisfying(RallyFileException.class,
                e -> assertThat(e.reason()).isEqualTo(RallyFileException.Reason.LOCKED));
        f.session.close();
        RallySession again = RallySession.open(f.file, time);
        assertThat(again.state().rallyName()).isEqualTo("Test Rally");
        again.close();
    }

    @Test
    void open_notARallyFile_refused() throws Exception {
        Path junk = Files.writeString(folder.resolve("notes.rallylab"), "shopping list");
        assertThatThrownBy(() -> RallySession.open(junk, time)).isInstanceOfSatisfying(RallyFileException.class,
                e -> assertThat(e.reason()).isEqualTo(RallyFileException.Reason.NOT_A_RALLY_FILE));
        assertThatThrownBy(() -> RallySession.create(junk, time)).isInstanceOfSatisfying(RallyFileException.class,
                e -> assertThat(e.reason()).isEqualTo(RallyFileException.Reason.ALREADY_EXISTS));
    }

    @Test
    void stateAt_aPrefixOfTheLog() throws Exception {
        RaceDayFixture f = RaceDayFixture.create(folder);
        String section = f.section("Kub Kars", 3);
        f.ok(new Command.MarkArrived(section, "1"));
        assertThat(f.session.stateAt(0)).isEqualTo(RallyState.empty());
        assertThat(f.session.stateAt(2).section(section).orElseThrow().rosterLoaded()).isFalse();
        assertThat(f.session.stateAt(3).section(section).orElseThrow().rosterLoaded()).isTrue();
        assertThat(f.session.stateAt(99)).isEqualTo(f.session.state());
        f.session.close();
    }

    @Test
    void anotherThread_refused() throws Exception {
        RaceDayFixture f = RaceDayFixture.create(folder);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.session.state();
                failure.complete(null);
            } catch (Throwable e) {
                failure.complete(e);
            }
        }, "track-pico");
        t.start();
        assertThat(failure.get(Await.timeout().toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("track-pico").hasMessageContaining("UI executor");
        f.session.close();
    }

    @Test
    void listenerExecutesACommand_everyListenerSeesTheChangesInOrder() throws Exception {
        RaceDayFixture f = RaceDayFixture.create(folder);
        String section = f.section("Kub Kars", 3);
        f.session.addListener(change -> {
            if (change.command() instanceof Command.MarkArrived m && m.carNumber().equals("1")) {
                f.session.execute(new Command.MarkArrived(section, "2"));
            }
        });
        List<Long> seen = new ArrayList<>();
        f.session.addListener(change -> change.events().forEach(e -> seen.add(e.sequence())));
        f.ok(new Command.MarkArrived(section, "1"));
        assertThat(seen).containsExactly(4L, 5L);
        f.session.close();
    }

    @Test
    void activeSectionAndLastRace_followTheLog() throws Exception {
        RaceDayFixture f = RaceDayFixture.create(folder);
        String section = f.section("Kub Kars", 3);
        assertThat(f.session.activeSection()).isEmpty();
        f.ok(new Command.MarkArrived(section, "1"));
        f.ok(new Command.MarkArrived(section, "2"));
        f.ok(new Command.StartSection(section, List.of(1, 2)));
        assertThat(f.session.activeSection().map(s -> s.sectionId())).contains(section);
        assertThat(f.session.lastRaceId()).isEmpty();
        f.ok(new Command.RecordRace(section, 1, "race-a", java.util.Map.of(1, 2_500L, 2, 2_600L), null, null, false));
        assertThat(f.session.lastRaceId()).contains("race-a");
        f.session.close();
        assertThat(f.session.isClosed()).isTrue();
        assertThatThrownBy(() -> f.session.execute(new Command.StageNextHeat(section)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /** An in-memory log whose appends fail while {@code failing}, as a full disk does. */
    private static final class FailingLog implements EventLog {
        final InMemoryEventLog inner = new InMemoryEventLog();
        boolean failing;

        @Override
        public List<StoredEvent> append(List<? extends DomainEvent> events) throws RallyFileException {
            if (failing) {
                throw new RallyFileException(RallyFileException.Reason.IO, null,
                        "x.rallylab cannot be written: the disk is full");
            }
            return inner.append(events);
        }

        @Override
        public void replay(Consumer<StoredEvent> each) {
            inner.replay(each);
        }

        @Override
        public List<StoredEvent> readAfter(long sequence, int limit) {
            return inner.readAfter(sequence, limit);
        }

        @Override
        public long lastSequence() {
            return inner.lastSequence();
        }

        @Override
        public Optional<String> rallyId() {
            return inner.rallyId();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
