package org.rallylab.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.rallylab.domain.event.EventJson;
import org.rallylab.domain.scoring.ImpossibleTimes;
import org.rallylab.domain.scoring.Standings;
import org.rallylab.domain.scoring.StandingsEntry;
import org.rallylab.domain.state.SectionState;

/** Standings as a table for people and as JSON for programs. */
final class StandingsText {

    private StandingsText() {
    }

    static String table(SectionState section, Standings standings) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder(section.sectionName()).append(" — standings (").append(status(section))
                .append(')').append(nl);
        if (standings.entries().isEmpty()) {
            return out.append("No heat has a result yet.").append(nl).toString();
        }
        TextTable table = new TextTable("Rank", "Car", "Name", "Average", "Best", "Heats", "DNF", "")
                .alignRight(0, 3, 4, 5, 6);
        List<StandingsEntry> entries = standings.entries();
        for (int i = 0; i < entries.size(); i++) {
            StandingsEntry e = entries.get(i);
            boolean tied = (i > 0 && entries.get(i - 1).rank() == e.rank())
                    || (i + 1 < entries.size() && entries.get(i + 1).rank() == e.rank());
            String note = section.isRemoved(e.carNumber())
                    ? "incomplete: " + section.removals().get(e.carNumber()).reason()
                    : e.incomplete() ? "incomplete" : "";
            table.row((tied ? "T" : "") + e.rank(), e.carNumber(), e.name(), ImpossibleTimes.seconds(e.avgTimeMs()),
                    ImpossibleTimes.seconds(e.bestTimeMs()), e.heatsRun(), e.dnfCount(), note);
        }
        return out.append(table.render()).toString();
    }

    static String status(SectionState s) {
        if (s.completed()) {
            return s.endedEarly() ? "ended early after " + s.completedHeats() + " heats" : "complete";
        }
        if (!s.started()) {
            return s.phase().label();
        }
        return s.currentHeat().isPresent()
                ? "racing, heat " + s.currentHeat().getAsInt() + " of " + s.heatCount()
                : "racing, every heat has a result";
    }

    static ObjectNode json(Standings standings) {
        ObjectNode root = EventJson.mapper().createObjectNode();
        root.put("section_id", standings.sectionId());
        root.put("section_name", standings.sectionName());
        root.put("early_end", standings.earlyEnd());
        ArrayNode rows = root.putArray("standings");
        for (StandingsEntry e : standings.entries()) {
            ObjectNode row = rows.addObject();
            row.put("rank", e.rank());
            row.put("car_number", e.carNumber());
            row.put("name", e.name());
            row.put("avg_time_ms", e.avgTimeMs());
            row.put("best_time_ms", e.bestTimeMs());
            row.put("heats_run", e.heatsRun());
            row.put("dnf_count", e.dnfCount());
            row.put("incomplete", e.incomplete());
        }
        return root;
    }
}
