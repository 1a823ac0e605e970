package org.rallylab.app.race;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rallylab.app.race.AudienceMessage.Overlay;
import org.rallylab.app.race.AudienceMessage.Screen;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.HeatStaged;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.event.RerunDeclared;
import org.rallylab.domain.event.ResultManuallyEntered;
import org.rallylab.domain.event.SectionCompleted;
import org.rallylab.domain.event.SectionStarted;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.StoredEvent;

/**
 * Decides what the audience sees from the session's changes and the race
 * loop's track status, and publishes it on two buses: {@link #screens()} and {@link #overlay()}.
 *
 * <ul>
 *   <li>Welcome while no section is racing (and on {@link #showWelcome()}).</li>
 *   <li>Staging when a heat is staged, with the next {@link Choices#onDeckHeats()} heats "on deck".</li>
 *   <li>When a heat gets its result (timed, by hand, a DNF re-run merged in): Results, then after
 *       {@link Timing#results()} the Leaderboard, which stays at least {@link Timing#leaderboard()};
 *       a heat staged meanwhile (the gate reset at once) is shown after that. Without
 *       {@link Choices#standingsBetweenHeats()} the results stay until the next heat is staged. A re-run of the heat
 *       on screen ends the sequence at once.</li>
 *   <li>Section complete, revealed from the last place up: everyone but the podium at first, then
 *       {@link #revealNextPlace()} or {@link #revealAll()}. It stays until the next section starts or
 *       {@link #showWelcome()}.</li>
 *   <li>The track overlay while staging when the track is disconnected, its gate open or a finish
 *       sensor stuck; {@link AudienceMessage.NoOverlay} otherwise.</li>
 * </ul>
 *
 * <p>Threading: the UI thread (the session's), like the session. The buses may be subscribed from
 * any thread, with any executor.
 */
public final class AudienceDirector implements AutoCloseable {

    /** How long results show before the leaderboard, and the leaderboard at least before what follows. */
    public record Timing(Duration results, Duration leaderboard) {
        public static final Timing DEFAULT = new Timing(Duration.ofSeconds(6), Duration.ofSeconds(6));

        public Timing {
            if (results.isNegative() || leaderboard.isNegative()) {
                throw new IllegalArgumentException("audience timings must not be negative: results " + results
                        + ", leaderboard " + leaderboard);
            }
        }
    }

    /**
     * What the operator chose for the projector: how many heats show "On deck" under the staged
     * heat (0 to 2), and whether the standings show after each heat's results during racing.
     */
    public record Choices(int onDeckHeats, boolean standingsBetweenHeats) {
        public static final Choices DEFAULT = new Choices(2, true);
        public static final int MOST_ON_DECK = 2;

        public Choices {
            if (onDeckHeats < 0 || onDeckHeats > MOST_ON_DECK) {
                throw new IllegalArgumentException("On deck shows 0 to " + MOST_ON_DECK + " heats, not " + onDeckHeats);
            }
        }
    }

    private final RallySession session;
    private final TaskScheduler scheduler;
    private final Timing timing;
    private final StateBus<Screen> screens = new StateBus<>();
    private final StateBus<Overlay> overlay = new StateBus<>();
    private final Subscription sessionListener;
    private final Subscription loopListener;
    private final Map<String, Integer> revealed = new HashMap<>();

    private String focus;
    private boolean welcome;
    private Sequence sequence;
    private LoopState loop;
    private Screen screen;
    private Overlay shownOverlay;
    private boolean closed;
    private Choices choices = Choices.DEFAULT;

    /**
     * Publishes the first screen at once: what the rally file says now (a racing section's staged
     * heat, or its last results then the leaderboard; else the welcome).
     */
    public AudienceDirector(RallySession session, RaceLoop loop, TaskScheduler scheduler, Timing timing) {
        this.session = Objects.requireNonNull(session, "session");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.timing = Objects.requireNonNull(timing, "timing");
        focus = session.activeSection().map(SectionState::sectionId).orElse(null);
        Optional<SectionState> racing = section();
        if (racing.isPresent() && racing.get().heatOnTrack().isEmpty() && racing.get().lastResultHeat() > 0) {
            startSequence(racing.get().lastResultHeat());
        } else {
            refresh();
        }
        sessionListener = session.addListener(this::changed);
        loopListener = loop == null ? null : loop.state().subscribe(Runnable::run, state -> {
            this.loop = state;
            updateOverlay();
        });
        updateOverlay();
    }

    /** The audience screen: the window shows the last one. */
    public StateBus<Screen> screens() {
        return screens;
    }

    /** The overlay over it: the window shows the last one. */
    public StateBus<Overlay> overlay() {
        return overlay;
    }

    /** What the operator chose to show. */
    public Choices choices() {
        return choices;
    }

    /** Shows on deck and the standings between heats as the operator chose, from now on. */
    public void choose(Choices next) {
        choices = Objects.requireNonNull(next, "choices");
        refresh();
    }

    /** Section complete: shows one more place (tied cars together). */
    public void revealNextPlace() {
        if (screen instanceof AudienceMessage.SectionComplete done) {
            revealed.put(focus, AudienceScreens.revealOneMore(done.standings(), done.revealed()));
            refresh();
        }
    }

    /** Section complete: shows every place. */
    public void revealAll() {
        if (screen instanceof AudienceMessage.SectionComplete done) {
            revealed.put(focus, done.standings().size());
            refresh();
        }
    }

    /**
     * Shows the final standings of the completed section {@code sectionId}, its reveal where it
     * stood (ending any results on screen); does nothing for a section that is not complete.
     */
    public void showFinalStandings(String sectionId) {
        if (session.state().section(sectionId).filter(SectionState::completed).isEmpty()) {
            return;
        }
        welcome = false;
        focus = sectionId;
        endSequence();
        refresh();
    }

    /** Shows the last results of the section again, then the leaderboard, then what is current. */
    public void replayLastResults() {
        section().filter(s -> s.lastResultHeat() > 0).ifPresent(s -> {
            welcome = false;
            startSequence(s.lastResultHeat());
        });
    }

    /** The welcome screen, until the next heat is staged or raced. */
    public void showWelcome() {
        welcome = true;
        endSequence();
        refresh();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sessionListener.close();
        if (loopListener != null) {
            loopListener.close();
        }
        endSequence();
    }

    private void changed(SessionChange change) {
        Integer resultHeat = null;
        for (StoredEvent stored : change.events()) {
            DomainEvent e = stored.event();
            if (e.sectionId() == null) {
                continue; // rally-level: the welcome screen re-reads the rally's name
            }
            if (e instanceof SectionStarted || e instanceof HeatStaged || e instanceof RaceCompleted
                    || e instanceof ResultManuallyEntered || e instanceof RerunDeclared
                    || e instanceof SectionCompleted) {
                welcome = false;
                if (!e.sectionId().equals(focus)) {
                    focus = e.sectionId();
                    endSequence();
                }
            }
            if (!e.sectionId().equals(focus)) {
                continue;
            }
            if (e instanceof RaceCompleted r) {
                resultHeat = r.heat();
            } else if (e instanceof ResultManuallyEntered m) {
                resultHeat = m.heat();
            } else if (e instanceof HeatStaged h && sequence != null && h.heat() == sequence.heat) {
                endSequence(); // the heat on screen is raced again: its results are void
            } else if (e instanceof RerunDeclared r && sequence != null && r.heat() == sequence.heat) {
                endSequence();
            }
        }
        Optional<SectionState> s = section();
        if (resultHeat != null && s.isPresent() && s.get().result(resultHeat).isPresent()) {
            startSequence(resultHeat);
        } else {
            refresh();
        }
    }

    private void startSequence(int heat) {
        endSequence();
        Sequence seq = new Sequence(heat);
        sequence = seq;
        refresh();
        seq.timer = scheduler.schedule(timing.results(), () -> {
            if (sequence == seq && !choices.standingsBetweenHeats()) {
                sequence = null; // the operator chose no standings between heats
                refresh();
            } else if (sequence == seq) {
                seq.leaderboard = true;
                refresh();
                seq.timer = scheduler.schedule(timing.leaderboard(), () -> {
                    if (sequence == seq) {
                        sequence = null;
                        refresh();
                    }
                });
            }
        });
    }

    private void endSequence() {
        if (sequence != null) {
            sequence.timer.cancel();
            sequence = null;
        }
    }

    /** Shows what the state says now (within a results sequence: its results or leaderboard, updated). */
    private void refresh() {
        if (closed) {
            return;
        }
        Screen next = nextScreen();
        if (!next.equals(screen)) {
            screen = next;
            screens.publish(next);
        }
        updateOverlay();
    }

    private Screen nextScreen() {
        Optional<SectionState> section = section();
        if (welcome || section.isEmpty()) {
            return new AudienceMessage.Welcome(session.state().rallyName());
        }
        SectionState s = section.get();
        if (sequence != null) {
            return sequence.leaderboard ? AudienceScreens.leaderboard(s)
                    : AudienceScreens.results(s, sequence.heat, session.rules().settings().minimumTimeMs());
        }
        if (s.completed()) {
            return AudienceScreens.sectionComplete(s, revealed.get(s.sectionId()));
        }
        if (s.heatOnTrack().isPresent()) {
            return AudienceScreens.staging(s, s.heatOnTrack().get(), choices.onDeckHeats());
        }
        if (s.lastResultHeat() > 0) {
            return choices.standingsBetweenHeats() ? AudienceScreens.leaderboard(s)
                    : AudienceScreens.results(s, s.lastResultHeat(), session.rules().settings().minimumTimeMs());
        }
        return new AudienceMessage.Welcome(session.state().rallyName());
    }

    private void updateOverlay() {
        if (closed) {
            return;
        }
        Overlay next = screen instanceof AudienceMessage.Staging
                ? AudienceScreens.overlay(loop).<Overlay>map(o -> o).orElse(new AudienceMessage.NoOverlay())
                : new AudienceMessage.NoOverlay();
        if (!next.equals(shownOverlay)) {
            shownOverlay = next;
            overlay.publish(next);
        }
    }

    private Optional<SectionState> section() {
        return focus == null ? Optional.empty() : session.state().section(focus);
    }

    /** Results, then the leaderboard, of one heat. */
    private static final class Sequence {
        final int heat;
        boolean leaderboard;
        TaskScheduler.Scheduled timer = () -> { };

        Sequence(int heat) {
            this.heat = heat;
        }
    }
}
