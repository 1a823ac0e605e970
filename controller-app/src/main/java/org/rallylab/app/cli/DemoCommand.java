package org.rallylab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rallylab.app.demo.DemoRally;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = "Write a demo rally (3 sections raced with simulated times, a re-run, "
        + "a heat ranked by eye, a DNF re-run, a destroyed car, a late arrival) and print its standings.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RALLY_FILE",
            description = "Where to write it (must not exist). Default: demo.rallylab in your RallyLab folder "
                    + "(demo-2.rallylab, ... when taken).")
    private Path rallyFile;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed of the simulated times (default ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws Exception {
        Path target = rallyFile != null ? withExtension(rallyFile) : freeDemoFile(RallyFile.defaultFolder());
        List<List<DomainEvent>> batches = DemoRally.standard(seed);
        RallyState state = RallyState.empty();
        try (RallyFile rally = RallyFile.create(target)) {
            for (List<DomainEvent> batch : batches) {
                rally.append(batch).forEach(stored -> state.apply(stored.event()));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote the demo rally \"" + state.rallyName() + "\" to " + target + " (" + state.eventCount()
                + " events, " + state.sections().size() + " sections).");
        for (SectionState s : state.sections()) {
            out.println();
            out.print(StandingsText.table(s, Scoring.standings(s)));
        }
        out.println();
        out.println("Next: ./rallylab state \"" + target + "\"   ·   ./rallylab standings \"" + target
                + "\" --section \"Kub Kars\"");
        out.flush();
        return ExitCode.OK;
    }

    private static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.contains(".") ? file : file.resolveSibling(name + RallyFile.EXTENSION);
    }

    private static Path freeDemoFile(Path folder) throws RallyFileException {
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new RallyFileException(RallyFileException.Reason.IO, folder,
                    "Could not create the RallyLab folder " + folder + ": " + e.getMessage(), e);
        }
        Path candidate = folder.resolve("demo" + RallyFile.EXTENSION);
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = folder.resolve("demo-" + i + RallyFile.EXTENSION);
        }
        return candidate;
    }
}
