package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.store.RallyFileException.Reason;

/**
 * Issue 11, read-only media: {@code state}, {@code verify} and {@code export-log} on a
 * write-protected stick failed ("cannot open … check the stick"), and on a {@code chmod 444} file
 * they left a {@code -shm} behind that later blocked writing. Reading works on read-only media
 * and leaves nothing behind.
 */
class ReadOnlyMediaTest {

    @TempDir
    Path work;

    private static void readEverything(Path file, long events) throws Exception {
        try (RallyFile log = RallyFile.openReadOnly(file)) {
            assertThat(log.lastSequence()).isEqualTo(events);
            assertThat(log.rebuild().eventCount()).isEqualTo(events);
            StringWriter out = new StringWriter();
            log.exportJsonLines(out);
            assertThat(out.toString().lines()).hasSize((int) events + 1);
        }
        assertThat(RallyFile.verify(file).problems()).isEmpty();
    }

    @Test
    @Timeout(60)
    void read_onAWriteProtectedStick_works_andCreatesNothing() throws Exception {
        try (SmallDisk stick = SmallDisk.mount(work, "stick", 8)) {
            Path clean = FileFixtures.rallyFile(stick.path().resolve("clean.rallylab"), RallyLogs.opening(3));
            Path crashed = stick.path().resolve("crashed.rallylab");
            try (RallyFile log = RallyFile.create(crashed)) {
                log.append(RallyLogs.opening(4));
                Files.copy(crashed, work.resolve("snapshot.rallylab"));
                Files.copy(FileOps.sibling(crashed, "-wal"), work.resolve("snapshot.rallylab-wal"));
            }
            // a writer killed with its -wal beside the file: put the pair back as the kill left it
            Files.copy(work.resolve("snapshot.rallylab"), crashed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(work.resolve("snapshot.rallylab-wal"), FileOps.sibling(crashed, "-wal"));
            stick.writeProtect();
            List<String> before = FileFixtures.listing(stick.path());

            readEverything(clean, 6);
            readEverything(crashed, 7);

            assertThat(FileFixtures.listing(stick.path())).isEqualTo(before);
            assertThatThrownBy(() -> RallyFile.openForWriting(clean))
                    .isInstanceOfSatisfying(RallyFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.IO))
                    .hasMessageContaining("read-only");
        }
    }

    @Test
    void read_fileMarkedReadOnly_leavesNoShmBehind_andWritingWorksAfterwards() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "skipped: for root a chmod 444 file stays writable (the write-protected stick drill covers reading"
                        + " without writing)");
        Path file = FileFixtures.rallyFile(work.resolve("locked.rallylab"), RallyLogs.opening(2));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));

        readEverything(file, 5);

        assertThat(FileFixtures.listing(work)).containsExactly("locked.rallylab");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (RallyFile log = RallyFile.openForWriting(file)) {
            assertThat(log.append(RallyLogs.carArrived(RallyLogs.SECTION, 1, RallyLogs.T0 + 9)).sequence()).isEqualTo(6);
        }
    }
}
