package org.rallylab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.cli.Main;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.backup.Backup;
import org.rallylab.store.backup.BackupEvent;
import org.rallylab.store.backup.BackupFiles;

/**
 * Disaster drill "the laptop dies, the USB stick survives": the app races the demo rally with a
 * backup folder (the stick) and its plug is pulled mid-section. On a second laptop (a fresh data
 * folder) the backup is restored with {@code rallylab restore}: the standings are those the backup
 * holds, which are the first laptop's standings up to its last backup write. The app then finishes
 * the rally there, and every heat raced before the plug keeps its result.
 */
class LaptopDiesDrillTest {

    @TempDir
    Path folder;

    @Test
    void laptopDies_plugPulledMidSection_rallyFinishedOnAnotherLaptopFromTheStick() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("usb-stick"));
        Path firstLaptop = Files.createDirectories(folder.resolve("first-laptop"));
        Path rally = firstLaptop.resolve("spring.rallylab");
        Process first = AppProcess.start(firstLaptop, folder.resolve("first.log"), List.of(), "--demo", "--rally",
                rally.toString(), "--autopilot", "--speed", "30", "--counts", "4,8,4", "--backup", stick.toString());
        try {
            AppProcess.awaitRaces(rally, "Kub Kars", 3, first);
        } finally {
            AppProcess.pullThePlug(first);
        }
        Path backupFile = stick.resolve(BackupFiles.FILE_NAME);
        assertThat(backupFile).as(Files.readString(folder.resolve("first.log"))).exists();
        // a write cut off by the plug may leave its temporary file; the backup itself is whole
        try (var onStick = Files.list(stick)) {
            assertThat(onStick.map(f -> f.getFileName().toString()))
                    .allMatch(n -> n.equals(BackupFiles.FILE_NAME) || n.startsWith(".rallylab-backup-"));
        }

        // what the stick holds is exactly the first laptop's log, up to its last backup write
        List<DomainEvent> onTheLaptop = AppProcess.events(rally);
        Backup backup = BackupFiles.read(backupFile);
        List<DomainEvent> onTheStick = backup.events().stream().map(BackupEvent::event).toList();
        assertThat(onTheStick).isNotEmpty();
        assertThat(onTheLaptop.subList(0, onTheStick.size())).isEqualTo(onTheStick);
        SectionState kubKars = backup.state().findSection("Kub Kars").orElseThrow();
        assertThat(kubKars.started()).as("the stick has Kub Kars racing").isTrue();

        // the second laptop: restore from the stick
        Path secondLaptop = Files.createDirectories(folder.resolve("second-laptop"));
        Path restored = secondLaptop.resolve("spring-restored.rallylab");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"restore", backupFile.toString(), restored.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();
        RallyState before = RallyState.replay(onTheStick);
        RallyState afterRestore = RallyState.replay(AppProcess.events(restored));
        assertThat(AppRelaunchTest.standingsJson(afterRestore)).isEqualTo(AppRelaunchTest.standingsJson(before));
        assertThat(afterRestore).isEqualTo(before);

        // and the rally is finished there
        Process second = AppProcess.start(secondLaptop, folder.resolve("second.log"), List.of(), "--rally",
                restored.toString(), "--track", "sim", "--autopilot", "--exit-when-done", "--speed", "30");
        boolean done = second.waitFor(180, TimeUnit.SECONDS);
        if (!done) {
            AppProcess.pullThePlug(second);
        }
        assertThat(done).as("the second laptop finishes the rally; its log:%n%s%nwhere the file stands: %s",
                Files.readString(folder.resolve("second.log")), whereItStands(restored)).isTrue();
        assertThat(second.exitValue()).as(Files.readString(folder.resolve("second.log"))).isZero();
        RallyState finished = RallyState.replay(AppProcess.events(restored));
        for (SectionState section : finished.sections()) {
            assertThat(section.completed()).as(section.sectionName() + " completed").isTrue();
            SectionState then = before.section(section.sectionId()).orElseThrow();
            then.results().forEach((heat, result) -> assertThat(section.result(heat)).as(section.sectionName()
                    + " heat " + heat + " keeps its result").contains(result));
        }
    }

    private static String whereItStands(Path rally) throws Exception {
        List<DomainEvent> events = AppProcess.events(rally);
        StringBuilder text = new StringBuilder(events.size() + " events; last: ");
        events.subList(Math.max(0, events.size() - 6), events.size()).forEach(e -> text.append(e).append("\n"));
        for (SectionState s : RallyState.replay(events).sections()) {
            text.append(s.sectionName()).append(" started ").append(s.started()).append(" completed ")
                    .append(s.completed()).append(" staged ").append(s.stagedHeatNumber()).append(" results ")
                    .append(s.results().keySet()).append(" heats ").append(s.heatCount()).append(" on track ")
                    .append(s.heatOnTrack().map(h -> h.number()).orElse(-1)).append('\n');
        }
        return text.toString();
    }
}
