package org.rallylab.app.ui.home;

import org.rallylab.domain.state.SectionState;

/** A section's counts and status in the words a race official uses ("Racing – heat 4 of 14"). */
public final class SectionStatus {

    private SectionStatus() {
    }

    /** Not started / Roster not loaded / Checking in / Racing – heat 4 of 14 / Complete (ended early). */
    public static String words(SectionState s) {
        switch (s.phase()) {
            case IDLE:
                return "Roster not loaded";
            case RALLY_LOADED:
                return "Not started";
            case CHECK_IN:
                return "Checking in";
            case RACING:
                return s.currentHeat().isPresent()
                        ? "Racing – heat " + s.currentHeat().getAsInt() + " of " + s.heatCount()
                        : "Racing – every heat has a result";
            case SECTION_COMPLETE:
            default:
                return s.endedEarly() ? "Complete (ended early)" : "Complete";
        }
    }

    /** The operator.css class that colours the status: ok when complete, warn while racing. */
    public static String styleClass(SectionState s) {
        switch (s.phase()) {
            case RACING:
                return "status-warn";
            case SECTION_COMPLETE:
                return "status-ok";
            case IDLE:
                return "status-bad";
            default:
                return "muted";
        }
    }

    /** Participants on the race-day roster, or on the pre-race roster before it is loaded. */
    public static int participants(SectionState s) {
        return s.rosterLoaded() ? s.roster().size() : s.registration().participants().size();
    }

    /** "9 of 14 checked in". */
    public static String checkedIn(SectionState s) {
        return s.arrivedCars().size() + " of " + participants(s) + " checked in";
    }
}
