package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rallylab.store.FileFixtures.listing;
import static org.rallylab.store.FileFixtures.sha256;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.store.RallyFileException.Reason;

/**
 * Files RallyLab must not open: refused from their first 100 bytes, for writing and read-only
 * alike, without a byte changed and without a file created beside them.
 */
class RallyFileRefusalTest {

    @TempDir
    Path folder;

    /** Opens {@code file} both ways; both must fail with {@code reason} and leave the folder exactly as it was. */
    private void assertRefusedUntouched(Path file, Reason reason, String message) throws Exception {
        String hash = sha256(file);
        List<String> before = listing(folder);
        for (ThrowingCallable open : List.<ThrowingCallable>of(() -> RallyFile.openForWriting(file),
                () -> RallyFile.openReadOnly(file))) {
            assertThatThrownBy(open)
                    .isInstanceOfSatisfying(RallyFileException.class, e -> {
                        assertThat(e.reason()).isEqualTo(reason);
                        assertThat(e.file()).contains(file);
                    })
                    .hasMessage(message);
        }
        assertThat(sha256(file)).as("not a byte changed").isEqualTo(hash);
        assertThat(listing(folder)).as("no file created beside it").isEqualTo(before);
    }

    @Test
    void open_fileOfANewerSchema_refusedWithoutChangingAByte() throws Exception {
        Path file = FileFixtures.rallyFile(folder.resolve("future.rallylab"), RallyLogs.opening(3));
        FileFixtures.sql(file, "PRAGMA user_version = " + (Schema.CURRENT_VERSION + 1));
        assertThat(FileFixtures.headerInt(file, 60)).isEqualTo(Schema.CURRENT_VERSION + 1);

        assertRefusedUntouched(file, Reason.NEWER_SCHEMA, file + " was written by a newer RallyLab"
                + " (schema " + (Schema.CURRENT_VERSION + 1) + "; this version reads up to " + Schema.CURRENT_VERSION
                + "): update RallyLab");
    }

    @Test
    void open_textFile_refusedAsNotARallyFile() throws Exception {
        Path file = folder.resolve("notes.rallylab");
        Files.writeString(file, "Heat 1: Ava 2.345 s, Ben 2.401 s\n".repeat(10));

        assertRefusedUntouched(file, Reason.NOT_A_RALLY_FILE,
                file + " is not a RallyLab rally file (it is not an SQLite database): choose a .rallylab file");
    }

    @Test
    void open_sqliteDatabaseOfAnotherProgram_refusedAsNotARallyFile() throws Exception {
        Path file = folder.resolve("photos.rallylab");
        FileFixtures.sql(file, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)",
                "INSERT INTO photos (name) VALUES ('finish line')");

        assertRefusedUntouched(file, Reason.NOT_A_RALLY_FILE, file
                + " is not a RallyLab rally file (it is an SQLite database of another program): choose a .rallylab file");
    }

    @Test
    void open_sqliteDatabaseWithAnotherApplicationId_refusedNamingTheId() throws Exception {
        Path file = folder.resolve("fossil.rallylab");
        FileFixtures.sql(file, "PRAGMA application_id = 252006673", "CREATE TABLE blob (id INTEGER PRIMARY KEY)");

        assertRefusedUntouched(file, Reason.NOT_A_RALLY_FILE, file + " is not a RallyLab rally file (it is an SQLite"
                + " database of another program (application id 0x0F055111)): choose a .rallylab file");
    }

    @Test
    void open_emptyFile_refused() throws Exception {
        Path file = Files.createFile(folder.resolve("empty.rallylab"));

        assertRefusedUntouched(file, Reason.NOT_A_RALLY_FILE,
                file + " is not a RallyLab rally file (it is empty): choose a .rallylab file");
    }

    @Test
    void open_truncatedSqliteHeader_refused() throws Exception {
        Path file = folder.resolve("cut.rallylab");
        Files.write(file, "SQLite format 3\0 and then the stick was pulled".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertRefusedUntouched(file, Reason.NOT_A_RALLY_FILE,
                file + " is not a RallyLab rally file (it is not an SQLite database): choose a .rallylab file");
    }

    @Test
    void open_markedFileWithoutSchema_refusedAsCorrupt() throws Exception {
        Path file = folder.resolve("half.rallylab");
        FileFixtures.sql(file, "PRAGMA application_id = " + 0x524C4C42, "CREATE TABLE t (x)");

        assertRefusedUntouched(file, Reason.CORRUPT, file + " is marked as a rally file but has no schema (version 0):"
                + " it was not written by RallyLab, or is damaged; restore it from a backup or the cloud copy");
    }

    @Test
    void open_folder_refused() {
        assertThatThrownBy(() -> RallyFile.openForWriting(folder))
                .isInstanceOf(RallyFileException.class).hasMessageContaining("is a folder, not a rally file");
    }
}
