package org.rallylab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rallylab.store.IntegrityReport;
import org.rallylab.store.RallyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", description = "Check a rally file: its schema is exactly RallyLab's (no trigger or view "
        + "added), every event matches its hash in the chain (the first that does not is named), every event reads "
        + "back, no sequence number is missing, and the standings can be rebuilt. Exit 0 when sound, 3 when not.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RALLY_FILE")
    private Path rallyFile;

    @Override
    public Integer call() throws Exception {
        IntegrityReport report = RallyFile.verify(rallyFile);
        if (report.ok()) {
            spec.commandLine().getOut().println(report.summary());
            return ExitCode.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("rallylab: " + rallyFile + " has " + report.problems().size() + " problem"
                + (report.problems().size() == 1 ? "" : "s") + ":");
        report.problems().forEach(p -> err.println("  - " + p));
        return ExitCode.INVALID_INPUT;
    }
}
