package org.rallylab.app.race;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.StoredEvent;
import org.rallylab.track.Track;

/**
 * A rally file on disk with the race core around it, on the test's thread: manual time, a queued
 * UI executor, and recorders on every bus.
 */
final class RaceDayFixture {

    static final String RALLY = "11111111-1111-4111-8111-111111111111";

    final Path file;
    final ManualTime time = new ManualTime();
    final QueuedExecutor ui = new QueuedExecutor();
    final Recorder<AudienceMessage.Screen> screens = new Recorder<>();
    final Recorder<AudienceMessage.Overlay> overlays = new Recorder<>();
    final Recorder<LoopState> loopStates = new Recorder<>();
    RallySession session;
    RaceLoop loop;
    AudienceDirector director;
    private long diskMark;

    private RaceDayFixture(Path file, RallySession session) {
        this.file = file;
        this.session = session;
    }

    /** A new rally file "Test Rally". */
    static RaceDayFixture create(Path folder) throws RallyFileException {
        Path file = folder.resolve("race-day.rallylab");
        RaceDayFixture f = new RaceDayFixture(file, null);
        f.session = RallySession.create(file, f.time);
        f.ok(new Command.CreateRally(RALLY, "Test Rally", "2026-02-14", "organizer@example.org"));
        return f;
    }

    /** Opens the rally file again (after a "crash"), with new time and buses. */
    static RaceDayFixture reopen(Path file) throws RallyFileException {
        RaceDayFixture f = new RaceDayFixture(file, null);
        f.session = RallySession.open(file, f.time);
        f.diskMark = f.session.lastSequence();
        return f;
    }

    /** A section with a roster of cars "1".."n", driven by "Driver 1".."Driver n". */
    String section(String name, int cars) {
        String id = "section-" + name.toLowerCase().replace(' ', '-');
        ok(new Command.CreateSection(id, name, "organizer@example.org"));
        List<Participant> roster = new ArrayList<>();
        for (int i = 1; i <= cars; i++) {
            roster.add(new Participant(id + "-p" + i, "Driver " + i, String.valueOf(i)));
        }
        ok(new Command.LoadRoster(RALLY, id, name, roster));
        return id;
    }

    /** The race loop on {@code track} (null: manual mode) and the audience director, with recorders. */
    RaceDayFixture attach(Track track) {
        loop = new RaceLoop(session, track, ui, time);
        director = new AudienceDirector(session, loop, time, AudienceDirector.Timing.DEFAULT);
        director.screens().subscribe(Runnable::run, screens);
        director.overlay().subscribe(Runnable::run, overlays);
        loop.state().subscribe(Runnable::run, loopStates);
        return this;
    }

    Decision ok(Command command) {
        Decision d = session.execute(command);
        assertThat(d).as("%s: %s", command, d.message()).isInstanceOf(Decision.Accepted.class);
        return d;
    }

    SectionState s(String sectionId) {
        return session.state().section(sectionId).orElseThrow();
    }

    /** Every event read back from the file by a separate read-only open. */
    List<StoredEvent> disk() {
        List<StoredEvent> events = new ArrayList<>();
        try (RallyFile reader = RallyFile.openReadOnly(file)) {
            reader.replay(events::add);
        } catch (RallyFileException e) {
            throw new AssertionError(e);
        }
        return events;
    }

    /** The events written since the previous call, read back from the file. */
    List<DomainEvent> newOnDisk() {
        List<DomainEvent> fresh = new ArrayList<>();
        for (StoredEvent e : disk()) {
            if (e.sequence() > diskMark) {
                fresh.add(e.event());
                diskMark = e.sequence();
            }
        }
        return fresh;
    }

    static List<String> types(List<DomainEvent> events) {
        return events.stream().map(DomainEvent::type).toList();
    }

    /** The fold of the file equals the state the session built step by step. */
    void assertStateIsTheFoldOfTheFile() {
        RallyState replayed = RallyState.replay(disk().stream().map(StoredEvent::event).toList());
        assertThat(replayed).isEqualTo(session.state());
    }
}
