package org.rallylab.app.ui.inspector;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rallylab.domain.event.ArrivalCancelled;
import org.rallylab.domain.event.CarArrived;
import org.rallylab.domain.event.CarRemoved;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.GroupCreated;
import org.rallylab.domain.event.HeatStaged;
import org.rallylab.domain.event.LaneCar;
import org.rallylab.domain.event.LanesChanged;
import org.rallylab.domain.event.ParticipantAdded;
import org.rallylab.domain.event.ParticipantRemoved;
import org.rallylab.domain.event.ParticipantUpdated;
import org.rallylab.domain.event.RaceCompleted;
import org.rallylab.domain.event.RallyCreated;
import org.rallylab.domain.event.RerunDeclared;
import org.rallylab.domain.event.ResultCorrected;
import org.rallylab.domain.event.ResultManuallyEntered;
import org.rallylab.domain.event.RosterLoaded;
import org.rallylab.domain.event.RosterUpdated;
import org.rallylab.domain.event.SectionCompleted;
import org.rallylab.domain.event.SectionCreated;
import org.rallylab.domain.event.SectionRenamed;
import org.rallylab.domain.event.SectionStarted;
import org.rallylab.domain.scoring.ImpossibleTimes;
import org.rallylab.domain.state.RallyState;

/** One line saying what an event recorded, such as "Heat 3 · lane 1 car 7 · lane 2 car 12". */
final class EventSummary {

    private EventSummary() {
    }

    /** {@code names}: the rally now, for the participants' names of car numbers. */
    static String of(DomainEvent e, RallyState names) {
        if (e instanceof RallyCreated x) {
            return x.rallyName() + (x.rallyDate() == null ? "" : " · " + x.rallyDate());
        } else if (e instanceof SectionCreated x) {
            return "Section " + x.sectionName();
        } else if (e instanceof SectionRenamed x) {
            return "Renamed to " + x.sectionName();
        } else if (e instanceof GroupCreated x) {
            return "Group " + x.groupName();
        } else if (e instanceof RosterUpdated x) {
            return count(x.participants().size(), "participant");
        } else if (e instanceof ParticipantAdded x) {
            return x.participant().name() + carText(x.participant().carNumber());
        } else if (e instanceof ParticipantRemoved x) {
            return "Participant removed" + carText(x.carNumber());
        } else if (e instanceof ParticipantUpdated x) {
            return x.name() == null ? "Participant changed" : "Now named " + x.name();
        } else if (e instanceof RosterLoaded x) {
            return count(x.participants().size(), "car") + " on the race-day roster";
        } else if (e instanceof CarArrived x) {
            return car(names, x.sectionId(), x.carNumber()) + " checked in";
        } else if (e instanceof ArrivalCancelled x) {
            return car(names, x.sectionId(), x.carNumber()) + " check-in undone";
        } else if (e instanceof SectionStarted x) {
            return "Started on lanes " + lanes(x.availableLanes());
        } else if (e instanceof HeatStaged x) {
            return "Heat " + x.heat() + (x.catchUp() ? " (catch-up)" : "") + (x.dnfRerun() ? " (DNF re-run)" : "")
                    + " · " + laneCars(x.lanes());
        } else if (e instanceof RaceCompleted x) {
            return "Heat " + x.heat() + (x.partial() ? " (partial)" : "") + " · " + times(x.timesMs());
        } else if (e instanceof RerunDeclared x) {
            return "Heat " + x.heat() + " to be re-run: " + x.reason();
        } else if (e instanceof ResultManuallyEntered x) {
            return "Heat " + x.heat() + " ranked by hand (" + count(x.rankings().size(), "lane") + ")";
        } else if (e instanceof CarRemoved x) {
            return car(names, x.sectionId(), x.carNumber()) + " removed at heat " + x.heat() + " (" + x.reason() + ")";
        } else if (e instanceof ResultCorrected x) {
            return "Heat " + x.heatNumber() + " lanes corrected · " + laneCars(x.correctedLanes()) + " · "
                    + x.reason();
        } else if (e instanceof LanesChanged x) {
            return "Lanes now " + lanes(x.availableLanes()) + (x.reason() == null ? "" : " · " + x.reason());
        } else if (e instanceof SectionCompleted x) {
            return count(x.totalHeats(), "heat") + (x.earlyEnd() ? ", ended early" : "");
        }
        return "";
    }

    private static String car(RallyState names, String sectionId, String carNumber) {
        String name = sectionId == null ? "" : names.section(sectionId).map(s -> s.nameOf(carNumber)).orElse("");
        return "Car " + carNumber + (name.isEmpty() ? "" : " (" + name + ")");
    }

    private static String carText(String carNumber) {
        return carNumber == null || carNumber.isEmpty() ? "" : " · car " + carNumber;
    }

    private static String laneCars(List<LaneCar> lanes) {
        return lanes.stream().map(l -> "L" + l.lane() + " car " + l.carNumber()).collect(Collectors.joining(", "));
    }

    private static String times(Map<Integer, Long> timesMs) {
        if (timesMs.isEmpty()) {
            return "no times";
        }
        return timesMs.entrySet().stream().map(t -> "L" + t.getKey() + " " + ImpossibleTimes.seconds(t.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String lanes(List<Integer> lanes) {
        return lanes.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
