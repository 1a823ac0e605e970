package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.store.RallyFileException.Reason;

/** The one-writer rule between two processes (another RallyLab window is another JVM). */
class RallyFileProcessLockTest {

    @TempDir
    Path folder;

    @Test
    @Timeout(90)
    void openForWriting_whileAnotherProcessWrites_refusedButReadOnlyWorks() throws Exception {
        Path file = FileFixtures.rallyFile(folder.resolve("shared.rallylab"), RallyLogs.opening(2));

        try (ChildJvm child = ChildJvm.start(folder, "hold", file.toString())) {
            assertThat(child.await("holding")).isEqualTo("holding 5");

            assertThatThrownBy(() -> RallyFile.openForWriting(file))
                    .isInstanceOfSatisfying(RallyFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.LOCKED))
                    .hasMessage(file + " is open for racing in another RallyLab window or program;"
                            + " close it there, or open this file read-only");
            try (RallyFile reader = RallyFile.openReadOnly(file)) {
                assertThat(reader.lastSequence()).isEqualTo(5);
            }
            child.kill();
        }
        try (RallyFile log = RallyFile.openForWriting(file)) {
            assertThat(log.verify().ok()).isTrue();
        }
    }

    @Test
    @Timeout(90)
    void openForWriting_inAnotherProcessWhileThisOneWrites_refused() throws Exception {
        Path file = FileFixtures.rallyFile(folder.resolve("shared.rallylab"), RallyLogs.opening(2));

        try (RallyFile held = RallyFile.openForWriting(file);
             ChildJvm child = ChildJvm.start(folder, "try", file.toString())) {
            assertThat(child.await("refused")).isEqualTo("refused LOCKED " + file
                    + " is open for racing in another RallyLab window or program; close it there, or open this file read-only");
            assertThat(child.waitFor()).isZero();
            held.append(RallyLogs.carArrived(RallyLogs.SECTION, 1, RallyLogs.T0 + 5));
        }
        try (ChildJvm child = ChildJvm.start(folder, "try", file.toString())) {
            assertThat(child.await("opened")).isEqualTo("opened 6");
        }
    }
}
