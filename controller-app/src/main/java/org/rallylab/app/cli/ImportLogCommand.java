package org.rallylab.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rallylab.store.ImportSummary;
import org.rallylab.store.RallyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-log", description = "Create a new rally file from a JSON Lines event log "
        + "(one event per line). The whole log is checked first; on any problem nothing is created.")
final class ImportLogCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RALLY_FILE", description = "The rally file to create (must not exist).")
    private Path rallyFile;

    @Parameters(index = "1", paramLabel = "EVENTS.jsonl", description = "The event log to import.")
    private Path events;

    @Override
    public Integer call() throws Exception {
        ImportSummary summary = RallyFile.importJsonLines(events, rallyFile);
        spec.commandLine().getOut().println("Imported " + summary.eventCount() + " events from " + events
                + " into " + rallyFile + ".");
        return ExitCode.OK;
    }
}
