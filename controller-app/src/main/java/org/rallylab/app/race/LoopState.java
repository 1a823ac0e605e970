package org.rallylab.app.race;

import java.util.Objects;
import java.util.Optional;
import org.rallylab.track.TrackStatus;

/**
 * What the race loop is doing, for the operator window: published by {@link RaceLoop#state()}
 * after every change.
 *
 * @param phase     where the racing section is
 * @param sectionId the racing section, or null when none is racing
 * @param sectionName its name, or ""
 * @param heat      the heat on the track ({@link Phase#STAGED}, {@link Phase#HELD}) or whose result
 *                  is showing ({@link Phase#RESULTS}); 0 otherwise
 * @param manual    no track races the heats: the operator enters times or places
 * @param trackAttached a track is connected to the loop (it may still be disconnected)
 * @param track     the track's latest status, or null without a track
 * @param held      a race waiting for the operator's decision
 * @param status    one line for the operator: what happens now and what to do
 * @param notice    the last thing that went wrong or needs a look ("" when none): a gate fault,
 *                  a refused command, a track failure. It lasts while the race stands where it stood
 *                  when the notice was given ({@link #position()}): the next result, another heat,
 *                  a held race decided make it go
 */
public record LoopState(Phase phase, String sectionId, String sectionName, int heat, boolean manual,
                        boolean trackAttached, TrackStatus track, Optional<HeldRace> held, String status,
                        String notice) {

    public LoopState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(notice, "notice");
    }

    /** Where the race stands now; see {@link Position}. */
    public Position position() {
        return new Position(phase, sectionId, heat, held);
    }

    /**
     * Where the race stands: the racing section, its heat and phase, and the race waiting for a
     * decision; not the track's status nor the words. A notice that answered the race as it stood
     * (the loop's own, or a refusal in the operator window) goes when this changes.
     */
    public record Position(Phase phase, String sectionId, int heat, Optional<HeldRace> held) {
    }

    /** Where the racing section is (a heat staged, or its results showing, seen from the track). */
    public enum Phase {
        /** No section is racing (none started, or every started one is complete). */
        NO_SECTION,
        /** A heat is staged and waits for the track (or, in manual mode, for its result). */
        STAGED,
        /** The track reported a race with an impossible time: accept it or re-run. */
        HELD,
        /** The staged heat has its result; the next heat is staged on gate reset or "Next heat". */
        RESULTS
    }
}
