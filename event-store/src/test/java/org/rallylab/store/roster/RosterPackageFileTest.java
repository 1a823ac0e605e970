package org.rallylab.store.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.store.InvalidInputException;

/** Roster package files: written all at once, read back, and refused when they are not roster packages. */
class RosterPackageFileTest {

    @TempDir
    Path folder;

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writeFileThenReadFile_givesEqualPackageAndLeavesOnlyTheFile() throws Exception {
        Path file = folder.resolve("roster.json");

        RosterPackageJson.writeFile(RosterSamples.rally(), file);

        assertThat(RosterPackageJson.readFile(file)).isEqualTo(RosterSamples.rally());
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo(RosterPackageJson.write(RosterSamples.rally()));
        assertThat(listing()).containsExactly("roster.json");
    }

    @Test
    void writeFile_existingTarget_replacedWholeWithNoTemporaryFileLeft() throws Exception {
        Path file = folder.resolve("roster.json");
        Files.writeString(file, "x".repeat(100_000));

        RosterPackageJson.writeFile(RosterSamples.rally(), file);

        assertThat(Files.readString(file)).isEqualTo(RosterPackageJson.write(RosterSamples.rally()));
        assertThat(listing()).containsExactly("roster.json");
    }

    @Test
    void writeFile_folderMissing_failsLeavingNothing() {
        Path file = folder.resolve("gone").resolve("roster.json");

        assertThatThrownBy(() -> RosterPackageJson.writeFile(RosterSamples.rally(), file))
                .isInstanceOf(IOException.class);
        assertThat(folder.resolve("gone")).doesNotExist();
    }

    @Test
    void writeFile_targetIsAFolder_failsLeavingTheFolderAndNoTemporaryFile() throws Exception {
        Path target = Files.createDirectory(folder.resolve("roster.json"));
        Files.writeString(target.resolve("keep.txt"), "keep");

        assertThatThrownBy(() -> RosterPackageJson.writeFile(RosterSamples.rally(), target))
                .isInstanceOf(IOException.class);
        assertThat(listing()).containsExactly("roster.json");
        assertThat(target.resolve("keep.txt")).hasContent("keep");
    }

    @Test
    void readFile_missing_namesTheFile() {
        assertThatThrownBy(() -> RosterPackageJson.readFile(folder.resolve("roster.json")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("roster.json: does not exist: check the folder and the name");
    }

    @Test
    void readFile_problemInside_startsWithTheFileNameAndKeepsThePath() throws Exception {
        Path file = Files.writeString(folder.resolve("kub-kars.json"),
                RosterPackageJson.write(RosterSamples.rally()).replace("\"version\": 2", "\"version\": 1"));

        assertThatThrownBy(() -> RosterPackageJson.readFile(file))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.file()).isEqualTo(file))
                .hasMessage("kub-kars.json: this roster package is version 1; this RallyLab reads version 2:"
                        + " export it again from an up-to-date RallyLab");
    }

    @Test
    void readFile_over20Megabytes_refusedWithoutReadingIt() throws Exception {
        Path file = folder.resolve("photos.json");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(RosterPackageJson.MAX_FILE_BYTES + 1);
        }

        assertThatThrownBy(() -> RosterPackageJson.readFile(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage("photos.json: the file is 20.1 MB, but a roster package is at most 20 MB:"
                        + " is this the right file?");
    }

    @Test
    void readFile_notUtf8_saysSo() throws Exception {
        Path file = Files.write(folder.resolve("roster.json"), new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});

        assertThatThrownBy(() -> RosterPackageJson.readFile(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage("roster.json: is not UTF-8 text: is this a roster package?");
    }

    @Test
    void readFile_byteOrderMark_accepted() throws Exception {
        Path file = Files.writeString(folder.resolve("roster.json"),
                "\uFEFF" + RosterPackageJson.write(RosterSamples.rally()), StandardCharsets.UTF_8);

        assertThat(RosterPackageJson.readFile(file)).isEqualTo(RosterSamples.rally());
    }
}
