package org.rallylab.app.race;

import java.util.OptionalInt;
import org.rallylab.domain.schedule.Heat;
import org.rallylab.domain.scoring.ImpossibleTimes;
import org.rallylab.domain.state.SectionState;
import org.rallylab.track.CompletedRace;
import org.rallylab.track.TrackStatus;

/** The race loop's one line for the operator: what happens now and what to do. */
final class LoopText {

    private LoopText() {
    }

    static String status(LoopState.Phase phase, SectionState s, Heat onTrack, int heat, boolean manual,
                         boolean trackAttached, TrackStatus track, HeldRace held) {
        switch (phase) {
            case NO_SECTION:
                return "No section is racing: check cars in and start a section.";
            case HELD:
                return held.message();
            case RESULTS:
                return results(s, heat, manual);
            default:
                return staged(s, onTrack, manual, trackAttached, track);
        }
    }

    private static String staged(SectionState s, Heat heat, boolean manual, boolean trackAttached,
                                 TrackStatus track) {
        String label = "Heat " + heat.number() + (s.dnfRerunStaged() ? " (its DNF lanes " + lanes(heat) + ")" : "");
        if (manual) {
            return label + " is staged" + (trackAttached ? " (manual mode)" : ", and no track is connected")
                    + ": run the heat, then enter the times or rank the cars by hand.";
        }
        if (track == null || !track.connected()) {
            String why = track == null || track.message() == null ? "" : " (" + track.message() + ")";
            return label + " stays staged: the track is not connected" + why
                    + ". It races when the track is back; or rank the heat by hand.";
        }
        if ("RACING".equals(track.phase())) {
            return label + " is racing.";
        }
        if (Boolean.FALSE.equals(track.gateReady())) {
            return label + " is staged: reset the start gate.";
        }
        if ("ARMED".equals(track.phase())) {
            return label + " is ready: load the cars and drop the gate.";
        }
        return label + " is staged and waits for the track.";
    }

    private static String results(SectionState s, int heat, boolean manual) {
        OptionalInt next = s.currentHeat();
        String how = manual ? "Press Next heat" : "Reset the start gate or press Next heat";
        if (next.isEmpty()) {
            return "Heat " + heat + " has its result; it was the last heat. " + how + " to finish "
                    + s.sectionName() + ".";
        }
        return "Heat " + heat + " has its result. " + how + " to stage heat " + next.getAsInt() + ".";
    }

    static String dryRun(Heat heat, CompletedRace race) {
        StringBuilder text = new StringBuilder("Dry run of heat " + heat.number() + " (not recorded):");
        for (int lane : heat.laneNumbers()) {
            Long ms = race.timesMs().get(lane);
            text.append(" lane ").append(lane).append(' ')
                    .append(ms == null ? "DNF" : ImpossibleTimes.seconds(ms)).append(';');
        }
        text.setCharAt(text.length() - 1, '.');
        return text + " Race the heat now.";
    }

    private static String lanes(Heat heat) {
        return String.join(", ", heat.laneNumbers().stream().map(String::valueOf).toList());
    }
}
