package org.rallylab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.scoring.Standings;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "standings", description = "Print a section's standings: average time, best time, "
        + "ties share a rank, incomplete cars last.")
final class StandingsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RALLY_FILE")
    private Path rallyFile;

    @Option(names = "--section", required = true, paramLabel = "NAME_OR_ID",
            description = "The section, by name (any case) or id.")
    private String section;

    @Option(names = "--json", description = "Print JSON: section_id, section_name, early_end, standings[].")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        RallyState state = RallyFiles.read(rallyFile);
        SectionState s = RallyFiles.section(state, rallyFile, section);
        Standings standings = Scoring.standings(s);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? StandingsText.json(standings) + System.lineSeparator() : StandingsText.table(s, standings));
        out.flush();
        return ExitCode.OK;
    }
}
