package org.rallylab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rallylab.app.prerace.RosterPackageImport;
import org.rallylab.app.ui.RallyOpener;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.command.RaceRules;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.state.RallyState;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.roster.RosterPackage;
import org.rallylab.store.roster.RosterPackageJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rallylab import-roster PACKAGE.json RALLY_FILE}: loads a roster package's sections for
 * race day (one RosterLoaded per section), creating the rally and its sections when the
 * file lacks them. It prints the preview ({@link RosterPackageImport}) first.
 *
 * <p>All or nothing: the package is read and checked, and every command decided by
 * {@link RaceRules} against the file's state, before anything is written; then all the events go
 * in one transaction. A new rally file is created only then, and removed again if writing fails.
 */
@Command(name = "import-roster", description = "Load the sections of a roster package (from export-roster or the "
        + "browser RallyLab) for race day. Creates RALLY_FILE with the package's rally when it does not exist; "
        + "otherwise adds to it. Prints what will be loaded and what is skipped, and why.")
final class ImportRosterCommand implements Callable<Integer> {

    private static final List<String> SIDECARS = List.of("-wal", "-shm", "-journal", ".lock");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACKAGE.json", description = "The roster package to import.")
    private Path packageFile;

    @Parameters(index = "1", paramLabel = "RALLY_FILE", description = "The rally file to load the rosters into "
            + "(created when it does not exist).")
    private Path rallyFile;

    @Option(names = "--dry-run", description = "Print what would be loaded and skipped; write nothing.")
    private boolean dryRun;

    @Override
    public Integer call() throws Exception {
        RosterPackage pkg = RosterPackageJson.readFile(packageFile);
        boolean newFile = !Files.exists(rallyFile);
        if (dryRun) {
            RosterPackageImport plan = plan(newFile ? RallyState.empty() : RallyFiles.read(rallyFile), pkg, newFile);
            out().println("Dry run: nothing was written.");
            return finish(plan);
        }
        if (newFile) {
            RosterPackageImport plan = plan(RallyState.empty(), pkg, true);
            if (plan.commands().isEmpty()) {
                return finish(plan);
            }
            List<DomainEvent> events = decide(RallyState.empty(), plan);
            create(events);
            return loaded(plan, events);
        }
        try (RallyFile rally = RallyFile.openForWriting(rallyFile)) {
            RallyState state = rally.rebuild();
            RosterPackageImport plan = plan(state, pkg, false);
            if (plan.commands().isEmpty()) {
                return finish(plan);
            }
            List<DomainEvent> events = decide(state, plan);
            rally.append(events);
            return loaded(plan, events);
        }
    }

    /** The preview against {@code state}, printed. */
    private RosterPackageImport plan(RallyState state, RosterPackage pkg, boolean newFile) {
        String createdBy = state.createdBy().orElse(RallyOpener.LOCAL_ORGANIZER);
        RosterPackageImport plan = RosterPackageImport.of(state, pkg, createdBy);
        out().print(RosterPackageText.preview(plan, packageFile, rallyFile, newFile));
        out().flush();
        return plan;
    }

    /** After a preview with nothing to write: a refusal is invalid input (exit 3), nothing to load is done (0). */
    private int finish(RosterPackageImport plan) {
        if (plan.refusal().isPresent()) {
            throw new InvalidInput(plan.refusal().get() + " Nothing was written.");
        }
        if (plan.loads().isEmpty()) {
            out().println("No section to load: nothing was written.");
        }
        out().flush();
        return ExitCode.OK;
    }

    private int loaded(RosterPackageImport plan, List<DomainEvent> events) {
        out().println("Loaded " + ExportRosterCommand.count(plan.loads().size(), "section") + " ("
                + ExportRosterCommand.count(plan.participantCount(), "participant") + ") for race day into "
                + rallyFile + " (" + ExportRosterCommand.count(events.size(), "event") + ").");
        out().flush();
        return ExitCode.OK;
    }

    /** Every command decided in order against a copy of {@code state}; the events of all, or nothing. */
    static List<DomainEvent> decide(RallyState state, RosterPackageImport plan) {
        RaceRules rules = new RaceRules();
        RallyState next = state.copy();
        long now = Clock.systemUTC().millis();
        List<DomainEvent> events = new ArrayList<>();
        for (org.rallylab.domain.command.Command command : plan.commands()) {
            Decision d = rules.decide(next, command, now);
            if (!(d instanceof Decision.Accepted)) {
                throw new InvalidInput("The rally file refuses the import: " + d.message() + " Nothing was written.");
            }
            for (DomainEvent e : d.events()) {
                events.add(e);
                next.apply(e);
            }
        }
        return events;
    }

    /** Creates the rally file with {@code events}; a failure removes it again. */
    private void create(List<DomainEvent> events) throws RallyFileException {
        RallyFile rally = RallyFile.create(rallyFile);
        boolean written = false;
        try {
            rally.append(events);
            rally.close();
            written = true;
        } finally {
            if (!written) {
                discard(rally);
            }
        }
    }

    private void discard(RallyFile rally) {
        try {
            rally.close();
        } catch (RallyFileException | RuntimeException e) {
            // the write already failed; that failure is the one reported
        }
        for (String suffix : SIDECARS) {
            deleteQuietly(rallyFile.resolveSibling(rallyFile.getFileName() + suffix));
        }
        deleteQuietly(rallyFile);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | SecurityException e) {
            // cleanup after another failure: that failure is the one reported
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
