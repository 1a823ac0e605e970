package org.rallylab.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rallylab.store.RallyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "copy", description = "Save a consistent copy of a rally file, even while the app races on it: "
        + "SQLite's online backup of everything recorded so far, read back and checked, then put in place. An "
        + "existing file is never overwritten.")
final class CopyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RALLY_FILE", description = "The rally file to copy (read only).")
    private Path rallyFile;

    @Parameters(index = "1", paramLabel = "OUT", description = "The new file (it must not exist yet).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        try (RallyFile file = RallyFile.openReadOnly(rallyFile)) {
            file.copyTo(out);
            spec.commandLine().getOut().println("Copied " + file.lastSequence() + " events of " + rallyFile + " to "
                    + out + ".");
        }
        return ExitCode.OK;
    }
}
