package org.rallylab.app.ui.dialogs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rallylab.app.race.RallySession;
import org.rallylab.app.race.Subscription;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.state.HeatResult;
import org.rallylab.domain.state.SectionState;

/**
 * What a race-day dialog was opened for: a racing section and, for most dialogs, one of its heats,
 * as they stood when the dialog opened. Racing goes on while a dialog is open (the track reports,
 * the gate stages the next heat, another laptop's check-in arrives), so the dialog keeps this and
 * asks {@link #movedOn()} before it acts: once the heat on the track, the latest result, the heat
 * the dialog shows, the lanes, the cars racing or the section's end differ, it says what happened
 * and refuses, so nothing confirmed lands on a heat the operator was not shown.
 *
 * <p>The one mechanism of every race-day dialog: {@link FormDialog#watch} and
 * {@link Confirm#ask(javafx.stage.Window, String, String, String, RaceMoment)} listen to the session
 * through {@link #onChange} while they show and refuse with {@link #movedOn()}'s message.
 */
public final class RaceMoment {

    private final RallySession session;
    private final String sectionId;
    private final int heat;
    private final Snapshot then;

    private RaceMoment(RallySession session, String sectionId, int heat) {
        this.session = Objects.requireNonNull(session, "session");
        this.sectionId = Objects.requireNonNull(sectionId, "sectionId");
        this.heat = heat;
        this.then = snapshot();
    }

    /** The section as it races now, and heat {@code heat} of it (the heat the dialog is about). */
    public static RaceMoment heat(RallySession session, String sectionId, int heat) {
        return new RaceMoment(session, sectionId, heat);
    }

    /** The section as it races now (a dialog about the whole section: remove a car, lanes, end early). */
    public static RaceMoment section(RallySession session, String sectionId) {
        return new RaceMoment(session, sectionId, 0);
    }

    public String sectionId() {
        return sectionId;
    }

    /** The heat the dialog is about; 0 for the whole section. */
    public int heat() {
        return heat;
    }

    /**
     * What happened since the dialog opened, with what to do ("Heat 10 was staged since this window
     * opened. Nothing was done here: cancel, and look again."); empty while nothing has.
     */
    public Optional<String> movedOn() {
        Snapshot now = snapshot();
        return now.equals(then) ? Optional.empty()
                : Optional.of(capital(change(now)) + " since this window opened. Nothing was done here: cancel, and "
                        + "look again.");
    }

    /** Calls {@code changed} after every change the session announces, until the subscription is closed. */
    Subscription onChange(Runnable changed) {
        return session.addListener(change -> changed.run());
    }

    private String change(Snapshot now) {
        String name = now.name;
        if (!now.racing) {
            return then.racing ? name + " was completed" : name + " is not racing";
        }
        if (heat > 0 && !Objects.equals(now.heat, then.heat)) {
            return "the cars of heat " + heat + " changed";
        }
        if (heat > 0 && !Objects.equals(now.result, then.result)) {
            return now.result == null ? "the result of heat " + heat + " was set aside"
                    : "heat " + heat + " got " + (then.result == null ? "a result" : "a new result");
        }
        if (!Objects.equals(now.onTrack, then.onTrack)) {
            if (now.onTrack == null) {
                return "heat " + then.onTrack.number() + " was raced";
            }
            return now.dnfRerun ? "the DNF lanes of heat " + now.onTrack.number() + " were staged"
                    : "heat " + now.onTrack.number() + " was staged";
        }
        if (now.lastResultHeat != then.lastResultHeat || !Objects.equals(now.lastResult, then.lastResult)) {
            return "heat " + now.lastResultHeat + " got a new result";
        }
        if (!now.lanes.equals(then.lanes)) {
            return "the lanes changed to " + now.lanes.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return "the cars racing in " + name + " changed";
    }

    private Snapshot snapshot() {
        Optional<SectionState> found = session.state().section(sectionId);
        if (found.isEmpty()) {
            return new Snapshot(sectionId, false, null, false, 0, null, List.of(), List.of(), null, null);
        }
        SectionState s = found.get();
        boolean racing = s.started() && !s.completed();
        int last = s.lastResultHeat();
        return new Snapshot(s.sectionName(), racing, s.heatOnTrack().orElse(null), s.dnfRerunStaged(), last,
                s.result(last).orElse(null), s.lanes(), s.racingCars(),
                heat > 0 ? s.heat(heat).orElse(null) : null, heat > 0 ? s.result(heat).orElse(null) : null);
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** What a dialog depends on; every part is immutable, so a later state compares by value. */
    private record Snapshot(String name, boolean racing, Heat onTrack, boolean dnfRerun, int lastResultHeat,
                            HeatResult lastResult, List<Integer> lanes, List<String> racingCars, Heat heat,
                            HeatResult result) {

        @Override
        public boolean equals(Object o) {
            // the name is for messages: a section renamed meanwhile is still the same moment
            return o instanceof Snapshot s && racing == s.racing && Objects.equals(onTrack, s.onTrack)
                    && dnfRerun == s.dnfRerun && lastResultHeat == s.lastResultHeat
                    && Objects.equals(lastResult, s.lastResult) && lanes.equals(s.lanes)
                    && racingCars.equals(s.racingCars) && Objects.equals(heat, s.heat)
                    && Objects.equals(result, s.result);
        }

        @Override
        public int hashCode() {
            return Objects.hash(racing, onTrack, lastResultHeat, heat);
        }
    }
}
