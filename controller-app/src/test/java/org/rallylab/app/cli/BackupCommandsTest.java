package org.rallylab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.store.RallyFile;
import org.rallylab.store.backup.BackupFiles;

/** {@code rallylab backup RALLY_FILE DIR} and {@code rallylab restore BACKUP.json RALLY_FILE}. */
class BackupCommandsTest {

    @TempDir
    Path folder;

    @Test
    void backupThenRestore_anyRally_givesTheSameRallyAndStandings() throws Exception {
        Path demo = folder.resolve("demo.rallylab");
        assertThat(Cli.run("demo", demo.toString()).exitCode()).isZero();
        Path stick = Files.createDirectories(folder.resolve("stick"));

        Cli backup = Cli.run("backup", demo.toString(), stick.toString());
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).startsWith("Wrote ").contains(stick.resolve(BackupFiles.FILE_NAME).toString());

        Path restored = folder.resolve("restored.rallylab");
        Cli restore = Cli.run("restore", stick.resolve(BackupFiles.FILE_NAME).toString(), restored.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).startsWith("Restored ");
        try (RallyFile a = RallyFile.openReadOnly(demo); RallyFile b = RallyFile.openReadOnly(restored)) {
            assertThat(b.rebuild()).isEqualTo(a.rebuild());
            assertThat(b.verify().problems()).isEmpty();
        }
        assertThat(Cli.run("standings", restored.toString(), "Kub Kars").out())
                .isEqualTo(Cli.run("standings", demo.toString(), "Kub Kars").out());
    }

    @Test
    void restore_existingFileOrDamagedBackup_neverOverwritesAndCreatesNothing() throws Exception {
        Path demo = folder.resolve("demo.rallylab");
        Cli.run("demo", demo.toString());
        Path stick = Files.createDirectories(folder.resolve("stick"));
        Cli.run("backup", demo.toString(), stick.toString());
        Path backup = stick.resolve(BackupFiles.FILE_NAME);

        byte[] before = Files.readAllBytes(demo);
        Cli onto = Cli.run("restore", backup.toString(), demo.toString());
        assertThat(onto.exitCode()).isNotZero();
        assertThat(onto.err()).contains("already exists");
        assertThat(Files.readAllBytes(demo)).isEqualTo(before);

        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(backup, bytes);
        Path target = folder.resolve("new.rallylab");
        Cli damaged = Cli.run("restore", backup.toString(), target.toString());
        assertThat(damaged.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(damaged.err()).contains(BackupFiles.FILE_NAME);
        assertThat(target).doesNotExist();
    }

    @Test
    void backup_folderNotThere_saysWhatToDo() {
        Path demo = folder.resolve("demo.rallylab");
        Cli.run("demo", demo.toString());
        Cli cli = Cli.run("backup", demo.toString(), folder.resolve("no-stick").toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(cli.err()).contains("insert the stick");
    }

    /** Issue 12: a backup into another rally's folder said "unexpected error (IOException)" and a raw id. */
    @Test
    void backup_intoAnotherRallysFolder_refusedInWordsNamingTheRally() throws Exception {
        Path one = folder.resolve("one.rallylab");
        Path two = folder.resolve("two.rallylab");
        Cli.run("demo", one.toString());
        Cli.run("demo", two.toString(), "--seed", "7");
        Path stick = Files.createDirectories(folder.resolve("stick"));
        assertThat(Cli.run("backup", one.toString(), stick.toString()).exitCode()).isZero();

        Cli refused = Cli.run("backup", two.toString(), stick.toString());

        assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(refused.err()).contains("is the backup of \"RallyLab Demo Rally\", another rally: it was kept",
                "make a folder on the stick for it").doesNotContain("unexpected error", "IOException")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
    }
}
