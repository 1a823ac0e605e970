package org.rallylab.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rallylab.domain.event.EventJson;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "state", description = "Print what the log says now: each section's phase (idle, rally-loaded, "
        + "check-in, racing, section-complete), current heat, heats, cars arrived and removed.")
final class StateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RALLY_FILE")
    private Path rallyFile;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        RallyState state = RallyFiles.read(rallyFile);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(state) + System.lineSeparator() : text(state));
        out.flush();
        return ExitCode.OK;
    }

    static String text(RallyState state) {
        String nl = System.lineSeparator();
        String title = state.rallyName().isEmpty() ? "Rally " + state.rallyId().orElse("(empty)") : state.rallyName();
        StringBuilder out = new StringBuilder(title);
        state.rallyDate().ifPresent(d -> out.append(" · ").append(d));
        out.append(" · ").append(state.eventCount()).append(" events").append(nl);
        if (state.sections().isEmpty()) {
            return out.append("No sections yet.").append(nl).toString();
        }
        TextTable table = new TextTable("Section", "Phase", "Current heat", "Heats", "Arrived", "Removed", "Lanes")
                .alignRight(3, 4, 5);
        for (SectionState s : state.sections()) {
            table.row(s.sectionName(), s.phase().label(), currentHeat(s), s.heatCount(), s.arrivedCars().size(),
                    s.removals().size(), String.join(",", s.lanes().stream().map(String::valueOf).toList()));
        }
        return out.append(table.render()).toString();
    }

    private static String currentHeat(SectionState s) {
        if (!s.started() || s.completed()) {
            return "-";
        }
        if (s.heatOnTrack().isPresent()) {
            return s.heatOnTrack().get().number() + (s.dnfRerunStaged() ? " (DNF re-run)" : " (staged)");
        }
        return s.currentHeat().isPresent() ? s.currentHeat().getAsInt() + " (next)" : "all raced";
    }

    static ObjectNode json(RallyState state) {
        ObjectNode root = EventJson.mapper().createObjectNode();
        root.put("rally_id", state.rallyId().orElse(null));
        root.put("rally_name", state.rallyName());
        root.put("rally_date", state.rallyDate().orElse(null));
        root.put("event_count", state.eventCount());
        ArrayNode sections = root.putArray("sections");
        for (SectionState s : state.sections()) {
            ObjectNode row = sections.addObject();
            row.put("section_id", s.sectionId());
            row.put("section_name", s.sectionName());
            row.put("phase", s.phase().label());
            boolean racing = s.started() && !s.completed();
            if (racing && s.currentHeat().isPresent()) {
                row.put("current_heat", s.currentHeat().getAsInt());
            } else {
                row.putNull("current_heat");
            }
            if (racing && s.heatOnTrack().isPresent()) {
                row.put("staged_heat", s.heatOnTrack().get().number());
            } else {
                row.putNull("staged_heat");
            }
            row.put("heats_total", s.heatCount());
            row.put("heats_with_results", s.results().size());
            row.put("cars_arrived", s.arrivedCars().size());
            row.put("cars_removed", s.removals().size());
            ArrayNode lanes = row.putArray("lanes");
            s.lanes().forEach(lanes::add);
        }
        return root;
    }
}
