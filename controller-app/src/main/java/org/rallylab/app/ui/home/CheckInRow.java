package org.rallylab.app.ui.home;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rallylab.domain.roster.CarNumbers;
import org.rallylab.domain.state.Removal;
import org.rallylab.domain.state.RosterEntry;
import org.rallylab.domain.state.SectionState;

/** One car on the check-in list: number, name, and whether it has arrived or was removed. */
record CheckInRow(String carNumber, String name, boolean arrived, Removal removal) {

    /** The section's roster in natural car-number order (T2 before T10), the order of every list of cars. */
    static List<CheckInRow> of(SectionState s) {
        List<CheckInRow> rows = new ArrayList<>();
        for (RosterEntry e : s.roster()) {
            rows.add(new CheckInRow(e.carNumber(), e.name(), s.hasArrived(e.carNumber()),
                    s.removals().get(e.carNumber())));
        }
        rows.sort(Comparator.comparing(CheckInRow::carNumber, CarNumbers.NATURAL));
        return rows;
    }

    /** What the "Checked in" column shows. */
    String status() {
        if (removal != null) {
            return "✓ removed (" + removal.reason() + ")";
        }
        return arrived ? "✓ arrived" : "";
    }

    /** Not arrived and not removed: check-in all takes it. */
    boolean waiting() {
        return !arrived && removal == null;
    }
}
