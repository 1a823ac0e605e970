package org.rallylab.app.ui.inspector;

import java.util.List;
import org.rallylab.app.ui.home.SectionStatus;
import org.rallylab.domain.scoring.ImpossibleTimes;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.scoring.StandingsEntry;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/**
 * What the log said right after one event, as text: per section its status, heat, cars arrived
 * and removed, lanes, and the top five of its standings.
 */
final class StateAsOf {

    static final int TOP = 5;

    private StateAsOf() {
    }

    static String text(RallyState then, long sequence, long lastSequence) {
        StringBuilder out = new StringBuilder();
        out.append("After event ").append(sequence).append(" of ").append(lastSequence).append('\n');
        String title = then.rallyName().isEmpty() ? "Rally " + then.rallyId().orElse("(none yet)") : then.rallyName();
        out.append(title);
        then.rallyDate().ifPresent(d -> out.append(" · ").append(d));
        out.append('\n');
        if (then.sections().isEmpty()) {
            return out.append("\nNo sections yet.\n").toString();
        }
        for (SectionState s : then.sections()) {
            out.append('\n').append(s.sectionName()).append(": ").append(SectionStatus.words(s)).append('\n');
            out.append("  arrived ").append(s.arrivedCars().size()).append(" of ")
                    .append(SectionStatus.participants(s)).append(" · removed ").append(s.removals().size());
            if (s.started()) {
                out.append('\n').append("  lanes ").append(String.join(",", s.lanes().stream().map(String::valueOf).toList()))
                        .append(" · ").append(s.results().size()).append(" of ").append(s.heatCount())
                        .append(" heats with results");
            }
            out.append('\n');
            if (!s.results().isEmpty()) {
                List<StandingsEntry> entries = Scoring.standings(s).entries();
                for (StandingsEntry e : entries.subList(0, Math.min(TOP, entries.size()))) {
                    out.append(String.format("  %2d. car %-4s %-14s %s · %d %s%s%n", e.rank(), e.carNumber(),
                            e.name(), ImpossibleTimes.seconds(e.avgTimeMs()), e.heatsRun(),
                            e.heatsRun() == 1 ? "heat" : "heats", e.incomplete() ? " · incomplete" : ""));
                }
            }
        }
        return out.toString();
    }
}
