package org.rallylab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;
import org.rallylab.store.RallyFile;
import org.rallylab.store.roster.RosterPackageJson;

/** export-roster and import-roster: a package moves rosters to a race-day file; refusals write nothing. */
class RosterPackageCommandsTest {

    private static final String RALLY = "8d4c5a2e-0d6b-4c55-9a0e-6f1d2b3c4d5e";
    private static final String KUBS = "0a000000-0000-4000-8000-000000000001";

    @TempDir
    static Path shared;
    @TempDir
    Path folder;

    private static Path demo;

    @BeforeAll
    static void writeDemo() {
        demo = shared.resolve("demo.rallylab");
        Cli cli = Cli.run("demo", demo.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
    }

    /** A browser-style package: numeric car numbers, an unknown key, one empty section. */
    private Path browserPackage(String rallyId) throws Exception {
        Path file = folder.resolve("browser-" + rallyId.substring(0, 4) + ".json");
        Files.writeString(file, """
                {"version": 2, "rally_id": "%s", "rally_name": "Spring Rally", "rally_date": "2026-04-11",
                 "exported_at": "2026-04-01T10:00:00Z", "exported_by": "web", "groups": [],
                 "sections": [
                   {"section_id": "%s", "section_name": "Kub Kars", "participants": [
                     {"participant_id": "0b000000-0000-4000-8000-000000000001", "name": "Ava Chen", "car_number": 12},
                     {"participant_id": "0b000000-0000-4000-8000-000000000002", "name": "Ben Okafor", "car_number": 3}]},
                   {"section_id": "0a000000-0000-4000-8000-000000000002", "section_name": "Scout Trucks",
                    "participants": []}]}
                """.formatted(rallyId, KUBS), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void exportThenImport_intoNewFile_givesTheSameRosters() throws Exception {
        Path pkg = folder.resolve("day.json");
        Path raceDay = folder.resolve("race-day.rallylab");

        Cli export = Cli.run("export-roster", demo.toString(), pkg.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).startsWith("Wrote the roster package of \"").contains(pkg.toString(),
                "3 sections", "Kub Kars");
        assertThat(RosterPackageJson.readFile(pkg).sections()).hasSize(3);

        Cli imported = Cli.run("import-roster", pkg.toString(), raceDay.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("(a new rally file)", "Load for race day:", "new section",
                "Loaded 3 sections (");

        RallyState before = RallyFiles.read(demo);
        RallyState after = RallyFiles.read(raceDay);
        assertThat(after.rallyId()).isEqualTo(before.rallyId());
        assertThat(after.rallyName()).isEqualTo(before.rallyName());
        assertThat(after.rallyDate()).isEqualTo(before.rallyDate());
        assertThat(after.sections()).extracting(SectionState::sectionId)
                .containsExactlyElementsOf(before.sections().stream().map(SectionState::sectionId).toList());
        for (SectionState s : before.sections()) {
            SectionState copy = after.section(s.sectionId()).orElseThrow();
            assertThat(copy.sectionName()).isEqualTo(s.sectionName());
            assertThat(copy.roster()).isEqualTo(s.roster());
            assertThat(copy.rosterLoaded()).isTrue();
            assertThat(copy.arrivedCars()).isEmpty();
        }
        assertThat(Cli.run("verify", raceDay.toString()).exitCode()).isZero();
        assertThat(siblings(raceDay)).as("no temporary or sidecar file left").containsExactly("day.json", "race-day.rallylab");
    }

    @Test
    void import_browserPackage_skipsTheEmptySectionAndSaysWhy() throws Exception {
        Path raceDay = folder.resolve("race-day.rallylab");

        Cli cli = Cli.run("import-roster", browserPackage(RALLY).toString(), raceDay.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Skipped:", "Scout Trucks (0 participants): no participants in the package",
                "1 section (2 participants) to load for race day, 1 skipped");
        SectionState kubs = RallyFiles.read(raceDay).section(KUBS).orElseThrow();
        assertThat(kubs.roster()).extracting(e -> e.carNumber() + " " + e.name())
                .containsExactly("12 Ava Chen", "3 Ben Okafor");
    }

    @Test
    void import_sameRosterAgainIntoExistingFile_loadsNothingAndWritesNothing() throws Exception {
        Path raceDay = folder.resolve("race-day.rallylab");
        Path pkg = browserPackage(RALLY);
        assertThat(Cli.run("import-roster", pkg.toString(), raceDay.toString()).exitCode()).isZero();
        long events = eventCount(raceDay);

        Cli again = Cli.run("import-roster", pkg.toString(), raceDay.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("already loaded for race day in this rally file with this same roster",
                "No section to load: nothing was written.");
        assertThat(eventCount(raceDay)).isEqualTo(events);
    }

    @Test
    void import_dryRun_printsThePreviewAndWritesNothing() throws Exception {
        Path newFile = folder.resolve("new.rallylab");
        Cli dry = Cli.run("import-roster", "--dry-run", browserPackage(RALLY).toString(), newFile.toString());

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Load for race day:", "Kub Kars", "Dry run: nothing was written.");
        assertThat(newFile).doesNotExist();
        assertThat(siblings(newFile)).noneMatch(n -> n.startsWith("new.rallylab"));

        Path other = folder.resolve("other.rallylab");
        assertThat(Cli.run("import-roster", browserPackage("11111111-2222-4333-8444-555555555555").toString(),
                other.toString()).exitCode()).isZero();
        String before = sha256(other);
        Cli dryOther = Cli.run("import-roster", "--dry-run", browserPackage(RALLY).toString(), other.toString());
        assertThat(dryOther.exitCode()).isEqualTo(3);
        assertThat(sha256(other)).isEqualTo(before);
    }

    @Test
    void import_invalidPackage_exit3WithTheReadersMessageAndNothingWritten() throws Exception {
        Path bad = folder.resolve("bad.json");
        Files.writeString(bad, """
                {"version": 2, "rally_id": "%s", "rally_name": "Spring Rally", "exported_at": "2026-04-01T10:00:00Z",
                 "sections": [{"section_id": "%s", "section_name": "Kub Kars", "participants": [
                   {"participant_id": "0b000000-0000-4000-8000-000000000001", "name": "Ava Chen"}]}]}
                """.formatted(RALLY, KUBS), StandardCharsets.UTF_8);
        Path newFile = folder.resolve("new.rallylab");

        Cli cli = Cli.run("import-roster", bad.toString(), newFile.toString());

        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err()).contains("bad.json", "sections[0].participants[0] (\"Ava Chen\"): car_number is missing");
        assertThat(cli.out()).isEmpty();
        assertThat(siblings(newFile)).containsExactly("bad.json");
    }

    @Test
    void import_packageOfAnotherRally_exit3AndTheFileUnchanged() throws Exception {
        Path raceDay = folder.resolve("race-day.rallylab");
        assertThat(Cli.run("import-roster", browserPackage(RALLY).toString(), raceDay.toString()).exitCode()).isZero();
        String before = sha256(raceDay);
        Path otherPkg = folder.resolve("other.json");
        assertThat(Cli.run("export-roster", demo.toString(), otherPkg.toString()).exitCode()).isZero();

        Cli cli = Cli.run("import-roster", otherPkg.toString(), raceDay.toString());

        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err()).contains("This roster package is for the rally", RALLY,
                "import the package into a new rally file instead", "Nothing was written.");
        assertThat(sha256(raceDay)).isEqualTo(before);
    }

    @Test
    void export_existingOutFile_refusedUnlessForce() throws Exception {
        Path out = folder.resolve("roster.json");
        Files.writeString(out, "keep me", StandardCharsets.UTF_8);

        Cli refused = Cli.run("export-roster", demo.toString(), out.toString());
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("roster.json already exists", "--force");
        assertThat(Files.readString(out)).isEqualTo("keep me");

        Cli forced = Cli.run("export-roster", "--force", demo.toString(), out.toString());
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(RosterPackageJson.readFile(out).rallyName()).isEqualTo(RallyFiles.read(demo).rallyName());
        assertThat(siblings(out)).containsExactly("roster.json");
    }

    @Test
    void export_rallyFileWithoutRally_exit3() throws Exception {
        Path empty = folder.resolve("empty.rallylab");
        RallyFile.create(empty).close();
        Path out = folder.resolve("roster.json");

        Cli cli = Cli.run("export-roster", empty.toString(), out.toString());

        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err()).contains("empty.rallylab", "no RallyCreated");
        assertThat(out).doesNotExist();
    }

    private static long eventCount(Path file) throws Exception {
        return RallyFiles.read(file).eventCount();
    }

    private List<String> siblings(Path file) throws Exception {
        try (Stream<Path> files = Files.list(file.toAbsolutePath().getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
