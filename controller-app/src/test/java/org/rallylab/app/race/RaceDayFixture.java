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

    /**
     * A new rally file "Test Rally" on a disk the test fills up: while {@code disk.full} is set,
     * appends fail as SQLite's do on a full disk (the real full disk is drilled in event-store's
     * DiskFullTest; here the race loop's answer to it is what counts).
     */
    static RaceDayFixture createOnDiskThatFills(Path folder, DiskThatFills disk) throws RallyFileException {
        Path file = folder.resolve("race-day.rallylab");
        RaceDayFixture f = new RaceDayFixture(file, null);
        disk.file = RallyFile.create(file);
        f.session = RallySession.over(disk, file, f.time, new org.rallylab.domain.command.RaceRules());
        f.ok(new Command.CreateRally(RALLY, "Test Rally", "2026-02-14", "organizer@example.org"));
        return f;
    }

    /** A rally file whose appends fail with the store's full-disk refusal while {@link #full} is set. */
    static final class DiskThatFills implements org.rallylab.store.EventLog {
        RallyFile file;
        boolean full;

        @Override
        public List<StoredEvent> append(List<? extends DomainEvent> events) throws RallyFileException {
            if (full) {
                throw new RallyFileException(RallyFileException.Reason.DISK_FULL, file.path(), "cannot append "
                        + events.size() + " event(s) to " + file.path() + ": the disk is full. Free some space (delete"
                        + " files you do not need, empty the trash); nothing recorded was lost");
            }
            return file.append(events);
        }

        @Override
        public void replay(java.util.function.Consumer<StoredEvent> each) throws RallyFileException {
            file.replay(each);
        }

        @Override
        public List<StoredEvent> readAfter(long sequence, int limit) throws RallyFileException {
            return file.readAfter(sequence, limit);
        }

        @Override
        public long lastSequence() throws RallyFileException {
            return file.lastSequence();
        }

        @Override
        public java.util.Optional<String> rallyId() {
            return file.rallyId();
        }

        @Override
        public void close() throws RallyFileException {
            file.close();
        }
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
