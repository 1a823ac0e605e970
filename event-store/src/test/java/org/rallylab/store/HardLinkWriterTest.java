package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.store.RallyFileException.Reason;

/**
 * Issue 11, "two writers through a hard link": {@code ln a.rallylab b.rallylab} let two apps race
 * on one file and one side's events vanished. The writer lock belongs to the file, not a name.
 */
class HardLinkWriterTest {

    @TempDir
    Path folder;

    private Path linked(Path file, Path link) throws Exception {
        try {
            return Files.createLink(link, file);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            Assumptions.abort("skipped: this file system has no hard links (" + e + ")");
            return null;
        }
    }

    @Test
    void openForWriting_sameFileThroughAHardLinkInThisProcess_refusedAsLocked() throws Exception {
        Path a = FileFixtures.rallyFile(folder.resolve("a.rallylab"), RallyLogs.opening(2));
        Path b = linked(a, Files.createDirectories(folder.resolve("elsewhere")).resolve("b.rallylab"));

        try (RallyFile first = RallyFile.openForWriting(a)) {
            assertThatThrownBy(() -> RallyFile.openForWriting(b))
                    .isInstanceOfSatisfying(RallyFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LOCKED))
                    .hasMessage(b + " is open for racing in another RallyLab window or program; close it there, or"
                            + " open this file read-only");
            first.append(RallyLogs.carArrived(RallyLogs.SECTION, 1, RallyLogs.T0 + 99));
            try (RallyFile reader = RallyFile.openReadOnly(b)) {
                assertThat(reader.lastSequence()).isEqualTo(6);
            }
            first.append(RallyLogs.carArrived(RallyLogs.SECTION, 2, RallyLogs.T0 + 100));
        }
        try (RallyFile second = RallyFile.openForWriting(b)) {
            assertThat(second.lastSequence()).isEqualTo(7);
        }
    }

    @Test
    @Timeout(90)
    void openForWriting_throughAHardLinkWhileAnotherProcessWrites_refused() throws Exception {
        Path a = FileFixtures.rallyFile(folder.resolve("a.rallylab"), RallyLogs.opening(2));
        Path b = linked(a, folder.resolve("b.rallylab"));

        try (ChildJvm child = ChildJvm.start(folder, "hold", a.toString())) {
            assertThat(child.await("holding")).isEqualTo("holding 5");
            assertThatThrownBy(() -> RallyFile.openForWriting(b))
                    .isInstanceOfSatisfying(RallyFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LOCKED));
            child.kill();
        }
        try (RallyFile log = RallyFile.openForWriting(b)) {
            assertThat(log.verify().problems()).isEmpty();
        }
    }
}
