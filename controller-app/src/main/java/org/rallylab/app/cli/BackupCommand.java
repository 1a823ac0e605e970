package org.rallylab.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rallylab.store.RallyFile;
import org.rallylab.store.backup.BackupFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "backup", description = "Write the backup file of a rally (rallylab-backup.json) into a "
        + "folder such as a USB stick, the way the app does after every change: a temporary file, flushed to the "
        + "stick, then renamed over the previous backup, so a pulled stick keeps the last complete one.")
final class BackupCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RALLY_FILE", description = "The rally file to back up (read only).")
    private Path rallyFile;

    @Parameters(index = "1", paramLabel = "DIR", description = "The folder to write rallylab-backup.json in.")
    private Path folder;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInput(folder + " is not a folder: insert the stick, or create the folder first.");
        }
        try (RallyFile file = RallyFile.openReadOnly(rallyFile)) {
            BackupFiles.Written written = BackupFiles.write(file, folder);
            spec.commandLine().getOut().println("Wrote " + written.events() + " events (" + written.bytes()
                    + " bytes) of " + rallyFile + " to " + written.file() + ".");
        }
        return ExitCode.OK;
    }
}
