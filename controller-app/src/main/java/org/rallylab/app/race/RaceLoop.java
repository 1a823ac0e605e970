package org.rallylab.app.race;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.state.SectionState;
import org.rallylab.track.CompletedRace;
import org.rallylab.track.Track;
import org.rallylab.track.TrackRestartedException;
import org.rallylab.track.TrackStatus;

/**
 * The race loop: races the staged heat on the track and records what the track reports.
 *
 * <ul>
 *   <li>Whenever the rally has a heat on the track ({@link SectionState#heatOnTrack()} of the racing
 *       section) the loop asks {@code track.race(heat, after)} with {@code after} = the last race
 *       recorded in the rally file, so a restart or a reconnect never loses or duplicates a race.
 *       When the heat on the track changes (re-staged without a car, other lanes, a re-run, the
 *       next heat, another section) the outstanding race is cancelled and the new heat asked for.</li>
 *   <li>A completed race becomes {@code RecordRace}: a duplicate is ignored; an all-DNF race (a gate
 *       fault) is reported in {@link LoopState#notice()} and the heat raced again; an impossible time
 *       is {@link HeldRace held} until {@link #acceptHeld()} or {@link #rerunHeld()}; a refusal is
 *       reported.</li>
 *   <li>After a result, the start gate being closed again (not ready, then ready) stages the next
 *       heat, which completes the section after the last one; {@link #nextHeat()} does it by hand.</li>
 *   <li>Without a track, or in manual mode, the operator stages ({@link #nextHeat()}), runs the heat
 *       and enters times ({@link #enterTimes}) or places ({@link #rankByHand}).</li>
 *   <li>A disconnected track changes nothing: the heat stays staged and {@link LoopState#status()}
 *       says so; the track's own reconnect re-issues the wait.</li>
 *   <li>A track that fails the race is reported in {@link LoopState#notice()} and asked again after
 *       {@link #RETRY}. When the track controller restarted after the heat's gate opened
 *       ({@link TrackRestartedException}), the notice is the track's own words, "… run heat N
 *       again": the heat stays staged, has no result, and is raced again the same way.</li>
 *   <li>A race the rally file cannot take (a full disk) is kept, not shown as recorded, and
 *       recorded every {@link #RETRY} until the disk takes it: racing resumes by itself once there
 *       is space. The track is not asked again meanwhile.</li>
 *   <li>A track that reports the same, already recorded race again for the heat on the track is
 *       asked once more (a reconnect may deliver an old race); the second time the loop stops
 *       asking and says so, until the track reconnects or the heat changes.</li>
 * </ul>
 *
 * <p>Threading: every method on the UI thread (the session's). Track callbacks hop to the
 * {@code ui} executor before touching anything.
 */
public final class RaceLoop implements AutoCloseable {

    static final Duration RETRY = Duration.ofSeconds(2);
    /** What the operator reads when the disk is full (issue 11). */
    static final String DISK_FULL = "The disk is full: free some space; racing resumes by itself.";

    private final RallySession session;
    private final Track track;
    private final Executor ui;
    private final TaskScheduler scheduler;
    private final Supplier<String> manualRaceIds;
    private final StateBus<LoopState> bus = new StateBus<>();
    private final Subscription sessionListener;
    private final Consumer<TrackStatus> statusListener;

    private Request outstanding;
    private Key refused;
    private TaskScheduler.Scheduled retry;
    private HeldRace held; // raced for the heat on the track: dropped when that changes
    private Command.RecordRace unwritten; // raced, decided, but the file could not take it yet
    private String repeatedRaceId;
    private int repeats;
    private boolean stoppedForRepeats;
    private TrackStatus trackStatus;
    private Key onTrack;
    private boolean gateOpened;
    private boolean manualChosen;
    private boolean dryRun;
    private boolean autoAdvance = true;
    private String notice = "";
    private boolean noticeNew; // said since the last publish: it is about the race as it stands then
    private LoopState.Position noticeAbout; // where the race stood when the notice shown was said
    private boolean closed;

    /**
     * Starts the loop (and the track) at once. {@code track} may be null: manual mode.
     * {@code ui} runs tasks on the session's thread.
     */
    public RaceLoop(RallySession session, Track track, Executor ui, TaskScheduler scheduler) {
        this(session, track, ui, scheduler, () -> "manual-" + UUID.randomUUID());
    }

    RaceLoop(RallySession session, Track track, Executor ui, TaskScheduler scheduler, Supplier<String> manualRaceIds) {
        this.session = Objects.requireNonNull(session, "session");
        this.track = track;
        this.ui = Objects.requireNonNull(ui, "ui");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.manualRaceIds = manualRaceIds;
        this.sessionListener = session.addListener(change -> reconcile());
        if (track != null) {
            statusListener = status -> ui.execute(() -> statusChanged(status));
            track.addStatusListener(statusListener);
            track.start();
        } else {
            statusListener = null;
        }
        reconcile();
    }

    /** The loop's state, republished after every change; subscribe to show it. */
    public StateBus<LoopState> state() {
        return bus;
    }

    /** The loop's state now. */
    public LoopState current() {
        return bus.last().orElseThrow();
    }

    /** "Next heat": stages the next heat of the racing section, or completes it after the last one. */
    public Decision nextHeat() {
        Optional<SectionState> s = session.activeSection();
        if (s.isEmpty()) {
            return new Decision.Rejected("No section is racing: start a section first.");
        }
        return remember(session.execute(new Command.StageNextHeat(s.get().sectionId())));
    }

    /** Appends the held race as timed. */
    public Decision acceptHeld() {
        if (held == null) {
            return new Decision.Rejected("No race is waiting for a decision.");
        }
        Command.RecordRace race = held.race().accepted();
        held = null;
        return record(race);
    }

    /** Drops the held race (nothing is written) and races the heat again. */
    public void rerunHeld() {
        if (held != null) {
            held = null; // the notice about it goes with it: the race no longer stands where it stood
            reconcile();
        }
    }

    /**
     * Manual timing: the heat on the track ran and these are its times (lane to ms; a lane left out
     * is DNF). Recorded as a race with the id "manual-" and a UUID; an impossible time is held.
     */
    public Decision enterTimes(Map<Integer, Long> timesMs) {
        Optional<SectionState> s = session.activeSection();
        Optional<Heat> heat = s.flatMap(SectionState::heatOnTrack);
        if (heat.isEmpty()) {
            return new Decision.Rejected(s.isEmpty() ? "No section is racing: start a section first."
                    : "No heat is staged: press Next heat first.");
        }
        return record(new Command.RecordRace(s.get().sectionId(), heat.get().number(), manualRaceIds.get(),
                timesMs, null, null, false));
    }

    /**
     * Ranks by eye (lane to place, 1 = first; lanes left out are DNF) the heat on the track, or,
     * while results are showing, the heat whose result is showing.
     */
    public Decision rankByHand(Map<Integer, Integer> placeByLane) {
        Optional<SectionState> s = session.activeSection();
        if (s.isEmpty()) {
            return new Decision.Rejected("No section is racing: start a section first.");
        }
        int heat = s.get().heatOnTrack().map(Heat::number).orElse(s.get().lastResultHeat());
        return remember(session.execute(new Command.EnterManualResult(s.get().sectionId(), heat, placeByLane)));
    }

    /**
     * "Dry run": the next race of the heat on the track is not recorded; its times are shown in
     * {@link LoopState#notice()} and the heat is raced again. Returns false (and says why in the
     * notice) without a track or a staged heat.
     */
    public boolean dryRun() {
        if (manual() || onTrack == null || held != null) {
            say("A dry run needs the track and a staged heat.");
        } else {
            dryRun = true;
            say("Dry run of heat " + onTrack.heat.number() + ": race it; nothing is recorded.");
        }
        publish();
        return dryRun;
    }

    /** Manual mode: the track (if any) is not asked to race; the operator enters results. */
    public void setManualMode(boolean manual) {
        manualChosen = manual;
        reconcile();
    }

    /** Whether closing the start gate after a result stages the next heat (on unless turned off). */
    public void setAutoAdvance(boolean on) {
        autoAdvance = on;
    }

    /** Stops listening and cancels the outstanding race. The track and the session stay open. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sessionListener.close();
        if (track != null) {
            track.removeStatusListener(statusListener);
        }
        cancelOutstanding();
        if (retry != null) {
            retry.cancel();
        }
    }

    // ---- the loop (UI thread) ----

    private boolean manual() {
        return track == null || manualChosen;
    }

    /** Brings the track in line with the log: the heat on the track is being raced, nothing else. */
    private void reconcile() {
        if (closed || session.isClosed()) {
            return;
        }
        Optional<SectionState> s = session.activeSection();
        Key key = s.flatMap(SectionState::heatOnTrack).map(h -> new Key(s.get().sectionId(), h)).orElse(null);
        if (!Objects.equals(key, onTrack)) {
            if (key != null) {
                gateOpened = false;
            }
            onTrack = key;
            if (held != null) {
                say("The held race of heat " + held.heat() + " was dropped: the heat on the track changed.");
                held = null; // the heat it was raced for is gone (re-staged, ranked by hand, ...)
            }
            if (unwritten != null) {
                say("The unwritten race of heat " + unwritten.heat() + " was dropped: the heat on the track"
                        + " changed.");
                unwritten = null;
            }
            repeatedRaceId = null;
            repeats = 0;
            stoppedForRepeats = false;
            dryRun = false;
        }
        boolean wanted = key != null && !manual() && held == null && unwritten == null && !key.equals(refused);
        if (outstanding != null && (!wanted || !outstanding.key.equals(key))) {
            cancelOutstanding();
        }
        if (wanted && outstanding == null && retry == null) {
            ask(key);
        }
        publish();
    }

    private void ask(Key key) {
        CompletableFuture<CompletedRace> future;
        try {
            future = track.race(key.heat, session.lastRaceId().orElse(null));
        } catch (IllegalArgumentException e) {
            refused = key;
            say("The track cannot race heat " + key.heat.number() + ": " + e.getMessage()
                    + ". Change the lanes, or rank the heat by hand.");
            return;
        }
        Request request = new Request(key, future);
        outstanding = request;
        future.whenComplete((race, failure) -> ui.execute(() -> raceDone(request, race, failure)));
    }

    private void cancelOutstanding() {
        Request r = outstanding;
        outstanding = null;
        if (r != null) {
            r.future.cancel(false);
        }
    }

    private void raceDone(Request request, CompletedRace race, Throwable failure) {
        if (closed || request != outstanding || session.isClosed()) {
            return; // cancelled, or replaced by another heat
        }
        outstanding = null;
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof TrackRestartedException) {
                say(cause.getMessage()); // "… restarted during heat N (reason: …): run heat N again."
            } else {
                say((cause instanceof CancellationException ? "The track dropped the race for heat "
                        : "The track could not race heat ") + request.key.heat.number() + " (" + cause.getMessage()
                        + "); asking again.");
            }
            retry = scheduler.schedule(RETRY, () -> {
                retry = null;
                reconcile();
            });
            publish();
            return;
        }
        Key key = request.key;
        if (dryRun) {
            dryRun = false;
            say(LoopText.dryRun(key.heat, race));
            reconcile();
            return;
        }
        record(new Command.RecordRace(key.sectionId, key.heat.number(), race.raceId(), race.timesMs(),
                race.timesUs(), race.raceTimeoutMs(), false));
    }

    /** Records a race (from the track or typed in) and follows up on the answer. */
    private Decision record(Command.RecordRace race) {
        Decision decision = session.execute(race);
        if (decision instanceof Decision.Rejected && session.writeFailure().isPresent()) {
            keepUnwritten(race);
            return decision;
        }
        if (decision instanceof Decision.Accepted) {
            repeatedRaceId = null;
            repeats = 0;
            if (gateOpened && trackStatus != null && Boolean.TRUE.equals(trackStatus.gateReady())) {
                advance(); // the gate was already closed again before the result came in
            }
        } else if (decision instanceof Decision.Held) {
            held = new HeldRace(race, decision.message());
            say(decision.message());
        } else if (decision instanceof Decision.Ignored) {
            boolean duplicate = session.state().section(race.sectionId()).map(s -> s.hasRace(race.raceId()))
                    .orElse(false);
            if (!duplicate) {
                say(decision.message());
            }
            if (duplicate && repeatedTwice(race)) {
                publish();
                return decision;
            }
        } else {
            say(decision.message());
        }
        reconcile(); // races the heat again when it is still on the track
        return decision;
    }

    /**
     * The rally file could not take {@code race} (a full disk): it is kept, not shown as recorded,
     * and recorded again every {@link #RETRY} until the disk takes it.
     */
    private void keepUnwritten(Command.RecordRace race) {
        unwritten = race;
        boolean full = session.writeFailure().map(e -> e.reason() == org.rallylab.store.RallyFileException.Reason.DISK_FULL)
                .orElse(false);
        say(full ? DISK_FULL : "Heat " + race.heat() + "'s race could not be written ("
                + session.writeFailure().map(Throwable::getMessage).orElse("") + "); it is kept and written again every "
                + RETRY.toSeconds() + " s.");
        if (retry != null) {
            retry.cancel();
        }
        retry = scheduler.schedule(RETRY, () -> {
            retry = null;
            Command.RecordRace again = unwritten;
            unwritten = null;
            if (again != null && !closed && !session.isClosed()) {
                record(again);
            }
        });
        publish();
    }

    /**
     * Whether the track has now reported {@code race}, which the rally already has, twice in a row
     * for the heat on the track: then the loop stops asking (until a reconnect or another heat) and
     * says why. A reconnect may deliver an old race once; a track that does it again repeats its ids.
     */
    private boolean repeatedTwice(Command.RecordRace race) {
        if (race.raceId().equals(repeatedRaceId)) {
            repeats++;
        } else {
            repeatedRaceId = race.raceId();
            repeats = 1;
        }
        if (repeats < 2 || onTrack == null) {
            return false;
        }
        refused = onTrack;
        stoppedForRepeats = true;
        say("The track keeps reporting race " + race.raceId() + ", which is already recorded, for heat "
                + race.heat() + ": it repeats its race ids. Reset the track (unplug it and plug it back in), or rank"
                + " heat " + race.heat() + " by hand.");
        return true;
    }

    private void statusChanged(TrackStatus status) {
        if (closed || session.isClosed()) {
            return;
        }
        TrackStatus before = trackStatus;
        trackStatus = status;
        boolean wasOpen = before != null && Boolean.FALSE.equals(before.gateReady());
        if (Boolean.FALSE.equals(status.gateReady())) {
            gateOpened = true;
        }
        if (wasOpen && Boolean.TRUE.equals(status.gateReady())) {
            advance(); // the gate was closed again
        }
        boolean reconnected = status.connected() && (before == null || !before.connected());
        if (reconnected && retry != null && unwritten == null) {
            retry.cancel();
            retry = null;
        }
        if (reconnected && stoppedForRepeats) {
            stoppedForRepeats = false;
            refused = null;
            repeatedRaceId = null;
            repeats = 0;
            say("");
        }
        reconcile();
    }

    /** Gate closed after a result: stage the next heat (or complete the section). */
    private void advance() {
        if (!autoAdvance || manual() || held != null) {
            return;
        }
        Optional<SectionState> s = session.activeSection();
        if (s.isPresent() && s.get().heatOnTrack().isEmpty() && s.get().lastResultHeat() > 0) {
            remember(session.execute(new Command.StageNextHeat(s.get().sectionId())));
        }
    }

    private Decision remember(Decision decision) {
        if (!(decision instanceof Decision.Accepted)) {
            say(decision.message());
            publish();
        }
        return decision;
    }

    /** Tells the operator {@code text} ("" for nothing) about the race as it stands now. */
    private void say(String text) {
        notice = text;
        noticeNew = true;
    }

    private void publish() {
        Optional<SectionState> s = session.activeSection();
        LoopState.Phase phase;
        int heat = 0;
        if (s.isEmpty()) {
            phase = LoopState.Phase.NO_SECTION;
        } else if (onTrack != null) {
            phase = held != null ? LoopState.Phase.HELD : LoopState.Phase.STAGED;
            heat = onTrack.heat.number();
        } else {
            phase = LoopState.Phase.RESULTS;
            heat = s.get().lastResultHeat();
        }
        String sectionId = s.map(SectionState::sectionId).orElse(null);
        LoopState.Position position = new LoopState.Position(phase, sectionId, heat, Optional.ofNullable(held));
        if (noticeNew) {
            noticeNew = false;
            noticeAbout = position;
        } else if (!position.equals(noticeAbout)) {
            notice = ""; // the race moved on (a result, another heat, a held race decided): it no longer applies
        }
        LoopState next = new LoopState(phase, sectionId, s.map(SectionState::sectionName).orElse(""), heat, manual(),
                track != null, trackStatus, Optional.ofNullable(held), LoopText.status(phase, s.orElse(null),
                        onTrack == null ? null : onTrack.heat, heat, manual(), track != null, trackStatus, held),
                notice);
        if (!bus.last().map(next::equals).orElse(false)) {
            bus.publish(next);
        }
    }

    /** A heat of a section on the track: the race asked for it is valid while this stays the same. */
    private record Key(String sectionId, Heat heat) {
    }

    private record Request(Key key, CompletableFuture<CompletedRace> future) {
    }
}
