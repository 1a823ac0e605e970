package org.rallylab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.rallylab.app.cli.Main;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import org.rallylab.domain.testing.Await;
import org.rallylab.store.RallyFile;
import org.rallylab.store.RallyFileException;
import org.rallylab.store.StoredEvent;

/** The app in a child JVM (headless JavaFX) for the drills that kill it, and reading its rally file meanwhile. */
final class AppProcess {

    private AppProcess() {
    }

    /** Starts {@code rallylab args} with data folder {@code data}; output goes to {@code log}. */
    static Process start(Path data, Path log, List<String> jvm, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Drallylab.data=" + data));
        command.addAll(jvm);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until {@code section} has at least {@code races} results in {@code rally}. */
    static void awaitRaces(Path rally, String section, int races, Process app) {
        Await.until("the autopilot to race " + races + " heats of " + section, () -> {
            assertThat(app.isAlive()).as("the app is still running").isTrue();
            Optional<SectionState> s = Files.exists(rally)
                    ? readable(rally).flatMap(st -> st.findSection(section)) : Optional.empty();
            return s.isPresent() && s.get().results().size() >= races;
        });
    }

    /** Kills {@code app} the hard way (SIGKILL on Linux and macOS): a pulled plug. */
    static void pullThePlug(Process app) throws InterruptedException {
        app.destroyForcibly();
        assertThat(app.waitFor(Await.timeout().toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    static Optional<RallyState> readable(Path rally) {
        try {
            return Optional.of(RallyState.replay(events(rally)));
        } catch (RallyFileException | RuntimeException e) {
            return Optional.empty(); // still being created
        }
    }

    static List<DomainEvent> events(Path rally) throws RallyFileException {
        List<DomainEvent> events = new ArrayList<>();
        try (RallyFile file = RallyFile.openReadOnly(rally)) {
            file.replay((StoredEvent e) -> events.add(e.event()));
        }
        return events;
    }
}
