package org.rallylab.app.demo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.rallylab.app.race.LoopState;
import org.rallylab.app.race.RaceDay;
import org.rallylab.app.race.RaceLoop;
import org.rallylab.app.race.RallySession;
import org.rallylab.app.race.SessionChange;
import org.rallylab.app.race.Subscription;
import org.rallylab.app.race.TaskScheduler;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.event.RerunDeclared;
import org.rallylab.domain.event.ResultManuallyEntered;
import org.rallylab.domain.event.SectionCompleted;
import org.rallylab.domain.event.SectionStarted;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.scoring.StandingsEntry;
import org.rallylab.domain.state.RosterEntry;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.StoredEvent;
import org.rallylab.track.StartGate;
import org.rallylab.track.Track;

/**
 * Races a whole rally unattended, through the same session and race loop an operator uses: for
 * each section in order it checks every car in, starts the section on the lanes of
 * {@link DemoSetup#lanesFor}, and lets the loop race every heat on the track (the next heat is
 * staged when the gate closes again). A gate worked from the laptop (the simulated track's
 * {@link StartGate}) it hands to the track's simulated crew while it drives, and back to the
 * operator when it stops; a real track's gate is worked at the track. Along the way it re-runs one
 * heat (the first section's second result) and ranks one heat by hand (heat 3 or later of the
 * second section). An impossible time is accepted; without a track it enters made-up times.
 * {@link #done()} completes when every section with a roster is complete, or fails with the first
 * refusal.
 *
 * <p>Threading: the UI thread, like the session; it acts in tasks it hands to {@code ui}.
 */
public final class Autopilot implements AutoCloseable {

    /** How long it waits between checking in cars and between sections. */
    public record Pace(Duration betweenCars, Duration betweenSections) {
        public static final Pace INSTANT = new Pace(Duration.ZERO, Duration.ZERO);
        public static final Pace DEMO = new Pace(Duration.ofMillis(150), Duration.ofSeconds(10));
    }

    private final RallySession session;
    private final RaceLoop loop;
    private final int trackLanes;
    private final StartGate gate;
    private final Executor ui;
    private final TaskScheduler scheduler;
    private final Pace pace;
    private final Consumer<String> progress;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Random times = new Random(7);
    private Subscription sessionListener;
    private Subscription loopListener;
    private boolean queued;
    private boolean closed;
    private boolean paused;
    private boolean rerunDone;
    private boolean manualDone;
    /** No result was recorded since the autopilot started: a rally reopened showing a heat's results. */
    private boolean noResultYet = true;

    /**
     * Drives {@code day}: its session and loop, on its track's lanes (the demo's
     * {@value DemoSetup#TRACK_LANES} when there is no track), working its gate when the laptop works
     * it (the simulated track).
     */
    public static Autopilot forDay(RaceDay day, Executor ui, TaskScheduler scheduler, Pace pace,
                                   Consumer<String> progress) {
        int lanes = day.track().map(Track::laneCount).filter(n -> n >= 2).orElse(DemoSetup.TRACK_LANES);
        StartGate gate = day.track().flatMap(StartGate::of).orElse(null);
        return new Autopilot(day.session(), day.loop(), lanes, gate, ui, scheduler, pace, progress);
    }

    /**
     * For a track whose gate is worked at the track (or no track). {@code trackLanes}: the lanes of
     * the track (the demo's has {@value DemoSetup#TRACK_LANES}).
     */
    public Autopilot(RallySession session, RaceLoop loop, int trackLanes, Executor ui, TaskScheduler scheduler,
                     Pace pace, Consumer<String> progress) {
        this(session, loop, trackLanes, null, ui, scheduler, pace, progress);
    }

    /** {@code gate}: the track's gate when the laptop works it, else null. */
    public Autopilot(RallySession session, RaceLoop loop, int trackLanes, StartGate gate, Executor ui,
                     TaskScheduler scheduler, Pace pace, Consumer<String> progress) {
        this.session = Objects.requireNonNull(session, "session");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.trackLanes = trackLanes;
        this.gate = gate;
        this.ui = Objects.requireNonNull(ui, "ui");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.pace = Objects.requireNonNull(pace, "pace");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Starts driving (once) and returns {@link #done()}. */
    public CompletableFuture<Void> start() {
        if (sessionListener == null) {
            if (gate != null) {
                gate.setAutomatic(true);
            }
            sessionListener = session.addListener(this::changed);
            loopListener = loop.state().subscribe(Runnable::run, state -> post());
            post();
        }
        return done;
    }

    /** Completes when every section is complete; fails when a command was refused. */
    public CompletableFuture<Void> done() {
        return done;
    }

    /** Stops driving and gives the gate back to the operator; {@link #done()} is left as it is. */
    @Override
    public void close() {
        if (sessionListener != null && !closed) {
            closed = true;
            sessionListener.close();
            loopListener.close();
            if (gate != null) {
                gate.setAutomatic(false);
            }
        }
        queued = true; // nothing more is posted
    }

    private void post() {
        if (!queued && !done.isDone()) {
            queued = true;
            ui.execute(this::step);
        }
    }

    private void step() {
        queued = false;
        if (done.isDone() || paused || session.isClosed()) {
            return;
        }
        List<SectionState> sections = session.state().sections().stream().filter(SectionState::rosterLoaded).toList();
        Optional<SectionState> next = sections.stream().filter(s -> !s.completed()).findFirst();
        if (sections.isEmpty() || next.isEmpty()) {
            progress.accept(sections.isEmpty() ? "No section has a roster: nothing to race."
                    : "Every section is complete.");
            finish();
            return;
        }
        SectionState s = next.get();
        int index = 0;
        while (!sections.get(index).sectionId().equals(s.sectionId())) {
            index++;
        }
        if (s.started()) {
            race(s, index, Math.min(1, sections.size() - 1));
        } else {
            checkIn(s);
        }
    }

    private void checkIn(SectionState s) {
        for (RosterEntry car : s.roster()) {
            if (!s.hasArrived(car.carNumber()) && !s.isRemoved(car.carNumber())) {
                if (accept(new Command.MarkArrived(s.sectionId(), car.carNumber()))) {
                    pause(pace.betweenCars());
                }
                return;
            }
        }
        List<Integer> lanes = DemoSetup.lanesFor(s.sectionName(), trackLanes);
        accept(new Command.StartSection(s.sectionId(), lanes));
    }

    private void race(SectionState s, int index, int manualSection) {
        LoopState state = loop.current();
        Optional<Heat> onTrack = s.heatOnTrack();
        if (state.held().isPresent()) {
            check(loop.acceptHeld());
        } else if (!rerunDone && index == 0 && s.lastResultHeat() >= 2) {
            rerunDone = true;
            accept(new Command.DeclareRerun(s.sectionId(), s.lastResultHeat(), "a car jumped the track"));
        } else if (!manualDone && index == manualSection && onTrack.isPresent() && onTrack.get().number() >= 3
                && !s.dnfRerunStaged()) {
            manualDone = true;
            Map<Integer, Integer> places = new HashMap<>();
            List<Integer> lanes = onTrack.get().laneNumbers();
            for (int i = 0; i < lanes.size(); i++) {
                places.put(lanes.get(lanes.size() - 1 - i), i + 1);
            }
            if (check(loop.rankByHand(places))) {
                check(loop.nextHeat());
            }
        } else if (state.manual() && state.phase() == LoopState.Phase.STAGED && onTrack.isPresent()) {
            Map<Integer, Long> made = new HashMap<>();
            onTrack.get().laneNumbers().forEach(lane -> made.put(lane, 2_400L + times.nextInt(1_000)));
            check(loop.enterTimes(made));
        } else if (state.manual() && state.phase() == LoopState.Phase.RESULTS) {
            check(loop.nextHeat());
        } else if (state.phase() == LoopState.Phase.RESULTS && noResultYet) {
            // Reopened (restarted, restored) while a heat's results were showing: the track's gate was
            // closed already, so no gate reset will stage the next heat. Press "Next heat", as an
            // operator would.
            noResultYet = false;
            check(loop.nextHeat());
        }
    }

    private void changed(SessionChange change) {
        for (StoredEvent stored : change.events()) {
            DomainEvent e = stored.event();
            SectionState s = e.sectionId() == null ? null : change.state().section(e.sectionId()).orElse(null);
            if (s == null) {
                continue;
            }
            String name = s.sectionName();
            if (e instanceof RaceCompleted || e instanceof ResultManuallyEntered) {
                noResultYet = false;
            }
            if (e instanceof SectionStarted started) {
                progress.accept(name + ": " + s.racingCars().size() + " cars started on lanes "
                        + String.join(", ", started.availableLanes().stream().map(String::valueOf).toList())
                        + " (" + s.heatCount() + " heats).");
            } else if (e instanceof RaceCompleted r) {
                progress.accept(name + ": heat " + r.heat() + " of " + s.heatCount() + " timed"
                        + (r.partial() ? " (DNF lanes re-run)." : "."));
            } else if (e instanceof ResultManuallyEntered m) {
                progress.accept(name + ": heat " + m.heat() + " ranked by hand.");
            } else if (e instanceof RerunDeclared r) {
                progress.accept(name + ": heat " + r.heat() + " re-run (" + r.reason() + ").");
            } else if (e instanceof SectionCompleted) {
                List<StandingsEntry> standings = Scoring.standings(s).entries();
                progress.accept(name + " is complete" + (standings.isEmpty() ? "." : ": first place car "
                        + standings.get(0).carNumber() + " (" + standings.get(0).name() + ")."));
                pause(pace.betweenSections());
            }
        }
        post();
    }

    private void pause(Duration delay) {
        if (delay.isZero() || delay.isNegative() || paused) {
            post();
            return;
        }
        paused = true;
        scheduler.schedule(delay, () -> {
            paused = false;
            post();
        });
    }

    private boolean accept(Command command) {
        return check(session.execute(command));
    }

    private boolean check(Decision decision) {
        if (decision instanceof Decision.Accepted) {
            return true;
        }
        done.completeExceptionally(new IllegalStateException("The autopilot stopped: " + decision.message()));
        close();
        return false;
    }

    private void finish() {
        close();
        done.complete(null);
    }
}
