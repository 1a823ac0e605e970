package org.rallylab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.store.RallyFile;

/**
 * Issue 11: {@code rallylab copy} makes a consistent copy (even of a file the app is racing on) and
 * never overwrites; {@code verify} recomputes the hash chain and names the first event that was
 * changed; commands leave nothing but the rally file behind.
 */
class CopyAndVerifyCommandsTest {

    @TempDir
    Path folder;

    private static String[] listing(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void copy_fileOpenForRacing_consistentCopyThatVerifies_andNeverOverwrites() throws Exception {
        Path demo = folder.resolve("demo.rallylab");
        assertThat(Cli.run("demo", demo.toString()).exitCode()).isZero();
        assertThat(listing(folder)).as("a command leaves only the rally file").containsExactly("demo.rallylab");
        Path stick = Files.createDirectories(folder.resolve("stick"));
        Path copy = stick.resolve("demo-copy.rallylab");

        try (RallyFile racing = RallyFile.openForWriting(demo)) {
            Cli copied = Cli.run("copy", demo.toString(), copy.toString());

            assertThat(copied.exitCode()).as(copied.err()).isZero();
            assertThat(copied.out()).startsWith("Copied " + racing.lastSequence() + " events of " + demo);
        }
        assertThat(Cli.run("verify", copy.toString()).out()).startsWith("demo-copy.rallylab: ok,");
        assertThat(Cli.run("standings", copy.toString(), "--section", "Kub Kars").out())
                .isEqualTo(Cli.run("standings", demo.toString(), "--section", "Kub Kars").out());
        assertThat(listing(stick)).containsExactly("demo-copy.rallylab");

        byte[] before = Files.readAllBytes(copy);
        Cli again = Cli.run("copy", demo.toString(), copy.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(again.err()).contains("demo-copy.rallylab already exists");
        assertThat(Files.readAllBytes(copy)).isEqualTo(before);
        assertThat(listing(stick)).containsExactly("demo-copy.rallylab");
    }

    @Test
    void verify_eventChangedBehindRallyLabsBack_namesIt_andStateRefusesTheFile() throws Exception {
        Path demo = folder.resolve("demo.rallylab");
        Cli.run("demo", demo.toString());
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + demo); Statement s = db.createStatement()) {
            s.execute("DROP TRIGGER events_append_only_update");
            s.execute("UPDATE events SET payload = replace(payload, '\"times_ms\":{\"1\":', '\"times_ms\":{\"1\":1')"
                    + " WHERE sequence = (SELECT min(sequence) FROM events WHERE type = 'RaceCompleted')");
            s.execute("CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events"
                    + " BEGIN SELECT RAISE(ABORT, 'events are append-only: a stored event is never changed'); END");
        }

        Cli verify = Cli.run("verify", demo.toString());

        assertThat(verify.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(verify.err()).containsPattern("  - event \\d+ \\(RaceCompleted\\) does not match the hash chain: it"
                + " was changed after it was written");
        Cli state = Cli.run("state", demo.toString());
        assertThat(state.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(state.err()).contains("was changed after it was written: event", "restore the rally from a backup");
    }
}
