package org.rallylab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.rallylab.domain.state.RallyState;
import org.rallylab.store.roster.RosterPackage;
import org.rallylab.store.roster.RosterPackageJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rallylab export-roster RALLY_FILE OUT.json}: every section's roster as a roster package
 * (version 2, docs/file-formats.md), the file taken from the pre-race laptop to race day; the browser RallyLab
 * reads it too. The rally file is only read. The package is written whole or not at all, and an
 * existing file is replaced only with {@code --force}.
 */
@Command(name = "export-roster", description = "Write every section's roster (with car numbers) as a roster "
        + "package, the JSON file import-roster (or the browser RallyLab) opens on race day. The rally file is "
        + "only read.")
final class ExportRosterCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RALLY_FILE", description = "The rally file to export.")
    private Path rallyFile;

    @Parameters(index = "1", paramLabel = "OUT.json", description = "The roster package to write.")
    private Path out;

    @Option(names = "--force", description = "Replace OUT.json when it exists.")
    private boolean force;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(out)) {
            throw new InvalidInput(out + " is a folder: give the roster package's file name, such as "
                    + out.resolve("roster.json") + ".");
        }
        if (Files.exists(out) && !force) {
            throw new InvalidInput(out + " already exists: choose another name, or add --force to replace it.");
        }
        RallyState state = RallyFiles.read(rallyFile);
        RosterPackage pkg;
        try {
            pkg = RosterPackage.of(state, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(rallyFile + ": " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            RosterPackageJson.writeFile(pkg, out);
        } catch (IOException e) {
            err.println("rallylab: could not write " + out + " (" + e.getMessage() + "): choose a folder you can"
                    + " write to. Any file that was there is unchanged.");
            err.flush();
            return ExitCode.FAILED;
        }
        PrintWriter print = spec.commandLine().getOut();
        int people = pkg.sections().stream().mapToInt(s -> s.participants().size()).sum();
        print.println("Wrote the roster package of \"" + pkg.rallyName() + "\" to " + out + ": "
                + count(pkg.sections().size(), "section") + ", " + count(people, "participant") + ", "
                + count(pkg.groups().size(), "group") + ".");
        TextTable table = new TextTable("Section", "Participants").alignRight(1);
        pkg.sections().forEach(s -> table.row(s.sectionName(), s.participants().size()));
        if (!pkg.sections().isEmpty()) {
            print.print(table.render());
        }
        print.flush();
        return ExitCode.OK;
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
