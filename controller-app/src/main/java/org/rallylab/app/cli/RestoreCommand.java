package org.rallylab.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rallylab.store.backup.BackupFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", description = "Create a new rally file from a backup file (rallylab-backup.json). The "
        + "backup is checked whole first (format, version, event count, checksums, every event, the rally "
        + "it rebuilds); a damaged "
        + "file is refused with the check that failed and nothing is created. An existing rally file is never "
        + "overwritten.")
final class RestoreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BACKUP.json", description = "The backup file to restore.")
    private Path backup;

    @Parameters(index = "1", paramLabel = "RALLY_FILE", description = "The rally file to create (must not exist).")
    private Path rallyFile;

    @Override
    public Integer call() throws Exception {
        BackupFiles.Restored restored = BackupFiles.restore(backup, rallyFile);
        spec.commandLine().getOut().println("Restored " + restored.rallyName() + " (" + restored.events()
                + " events) from " + backup + " into " + restored.file() + ". Open it to go on racing.");
        return ExitCode.OK;
    }
}
