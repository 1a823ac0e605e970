package org.rallylab.app.race;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rallylab.app.race.AudienceMessage.Finish;
import org.rallylab.app.race.AudienceMessage.Lane;
import org.rallylab.app.race.AudienceMessage.LaneSensor;
import org.rallylab.app.race.AudienceMessage.Lineup;
import org.rallylab.app.race.AudienceMessage.Standing;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.schedule.LaneAssignment;
import org.rallylab.domain.scoring.HeatPlace;
import org.rallylab.domain.scoring.RealTimes;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.scoring.StandingsEntry;
import org.rallylab.domain.state.ManualResult;
import org.rallylab.domain.state.SectionState;
import org.rallylab.track.TrackStatus;

/** The audience messages of a section, read from its state. Pure functions. */
final class AudienceScreens {

    /** Places shown last in a reveal: the podium. */
    static final int PODIUM = 3;

    private AudienceScreens() {
    }

    /** Staging of {@code heat}, with up to {@code onDeckHeats} heats after it still to race. */
    static AudienceMessage.Staging staging(SectionState s, Heat heat, int onDeckHeats) {
        List<Lineup> onDeck = new ArrayList<>();
        for (Heat h : s.heats()) {
            if (onDeck.size() >= onDeckHeats) {
                break;
            }
            if (h.number() > heat.number() && s.result(h.number()).isEmpty()) {
                onDeck.add(new Lineup(h.number(), lanes(s, h)));
            }
        }
        return new AudienceMessage.Staging(s.sectionName(), heat.number(), s.heatCount(), lanes(s, heat),
                heat.catchUp(), s.dnfRerunStaged(), onDeck);
    }

    static AudienceMessage.Results results(SectionState s, int heat, int minimumTimeMs) {
        List<Finish> finishes = new ArrayList<>();
        for (HeatPlace p : Scoring.heatPlaces(s, heat, minimumTimeMs)) {
            finishes.add(new Finish(p.place(), p.lane(), p.carNumber(), p.name(), p.timeMs(), p.dnf(), p.impossible()));
        }
        boolean manual = s.result(heat).map(r -> r instanceof ManualResult).orElse(false);
        return new AudienceMessage.Results(s.sectionName(), heat, finishes, manual);
    }

    static AudienceMessage.Leaderboard leaderboard(SectionState s) {
        return new AudienceMessage.Leaderboard(s.sectionName(), standings(s));
    }

    static AudienceMessage.SectionComplete sectionComplete(SectionState s, Integer revealed) {
        List<Standing> standings = standings(s);
        int shown = revealed == null ? initialReveal(standings) : Math.min(revealed, standings.size());
        return new AudienceMessage.SectionComplete(s.sectionName(), standings, shown, s.endedEarly());
    }

    static List<Standing> standings(SectionState s) {
        List<Standing> lines = new ArrayList<>();
        Map<String, RealTimes> real = new HashMap<>();
        Scoring.realTimes(s).forEach(r -> real.put(r.carNumber(), r));
        for (StandingsEntry e : Scoring.standings(s).entries()) {
            RealTimes r = real.get(e.carNumber());
            boolean averageReal = r != null && r.averageIsReal();
            lines.add(new Standing(e.rank(), e.carNumber(), e.name(), averageReal ? e.avgTimeMs() : null,
                    r == null ? null : r.bestRealMs(), e.heatsRun(), e.dnfCount(), r == null ? 0 : r.placedByHand(),
                    e.incomplete()));
        }
        return lines;
    }

    /** Everyone but the podium (complete cars ranked 1 to 3) is shown from the start. */
    static int initialReveal(List<Standing> standings) {
        int hidden = 0;
        for (Standing line : standings) {
            if (!line.incomplete() && line.rank() <= PODIUM) {
                hidden++;
            }
        }
        return standings.size() - hidden;
    }

    /** One more place: the next entry up and any entries tied with it. */
    static int revealOneMore(List<Standing> standings, int revealed) {
        if (revealed >= standings.size()) {
            return standings.size();
        }
        int index = standings.size() - revealed - 1;
        int rank = standings.get(index).rank();
        boolean incomplete = standings.get(index).incomplete();
        int shown = revealed + 1;
        while (index > 0 && standings.get(index - 1).rank() == rank && standings.get(index - 1).incomplete() == incomplete) {
            index--;
            shown++;
        }
        return shown;
    }

    /**
     * The track overlay while staging: shown when the track is not connected, or not racing with
     * its gate open or a finish sensor held.
     */
    static Optional<AudienceMessage.TrackStatus> overlay(LoopState loop) {
        if (loop == null || loop.manual() || !loop.trackAttached() || loop.phase() != LoopState.Phase.STAGED) {
            return Optional.empty();
        }
        TrackStatus t = loop.track();
        List<LaneSensor> sensors = new ArrayList<>();
        if (t != null) {
            t.lanesTriggered().forEach((lane, on) -> sensors.add(new LaneSensor(lane, on)));
        }
        if (t == null || !t.connected()) {
            return Optional.of(new AudienceMessage.TrackStatus(null, sensors, false,
                    "The track is not connected."));
        }
        if ("RACING".equals(t.phase())) {
            return Optional.empty();
        }
        List<Integer> stuck = new ArrayList<>();
        for (Map.Entry<Integer, Boolean> lane : t.lanesTriggered().entrySet()) {
            if (Boolean.TRUE.equals(lane.getValue())) {
                stuck.add(lane.getKey());
            }
        }
        String message;
        if (!stuck.isEmpty()) {
            message = stuck.size() == 1 ? "Lane " + stuck.get(0) + " sensor is stuck."
                    : "Lane sensors " + String.join(", ", stuck.stream().map(String::valueOf).toList())
                    + " are stuck.";
        } else if (!Boolean.TRUE.equals(t.gateReady())) {
            message = "Reset the gate.";
        } else {
            return Optional.empty();
        }
        return Optional.of(new AudienceMessage.TrackStatus(t.gateReady(), sensors, true, message));
    }

    private static List<Lane> lanes(SectionState s, Heat heat) {
        List<Lane> lanes = new ArrayList<>();
        for (LaneAssignment a : heat.lanes()) {
            lanes.add(new Lane(a.lane(), a.carNumber(), s.nameOf(a.carNumber())));
        }
        return lanes;
    }
}
