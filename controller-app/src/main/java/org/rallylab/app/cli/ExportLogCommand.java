package org.rallylab.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rallylab.store.RallyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export-log", description = "Print every event of a rally file as JSON Lines, in order, "
        + "then a closing line with the event count and the hash-chain head, so import-log can tell a log that "
        + "was changed after export.")
final class ExportLogCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RALLY_FILE")
    private Path rallyFile;

    @Override
    public Integer call() throws Exception {
        try (RallyFile rally = RallyFile.openReadOnly(rallyFile)) {
            rally.exportJsonLines(spec.commandLine().getOut());
        }
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
