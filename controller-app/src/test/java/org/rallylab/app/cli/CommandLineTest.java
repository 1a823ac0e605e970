package org.rallylab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.EventJson;

class CommandLineTest {

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

    @Test
    void demo_printsStandingsOfEverySectionAndTheFileVerifies() {
        Path file = folder.resolve("mine");
        Cli cli = Cli.run("demo", file.toString());
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("Beaver Buggies — standings (complete)", "Kub Kars — standings (complete)",
                "Scout Trucks — standings (complete)", "incomplete: destroyed");
        assertThat(folder.resolve("mine.rallylab")).exists();
        assertThat(Cli.run("verify", folder.resolve("mine.rallylab").toString()).exitCode()).isZero();
    }

    @Test
    void demo_existingFile_refusedWithExit3AndFileUnchanged() throws Exception {
        String before = sha256(demo);
        Cli cli = Cli.run("demo", demo.toString());
        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err()).contains("demo.rallylab");
        assertThat(sha256(demo)).isEqualTo(before);
    }

    @Test
    void demo_containsEveryRaceDayIncident() {
        Cli log = Cli.run("export-log", demo.toString());
        assertThat(log.out()).contains("\"type\":\"RerunDeclared\"", "\"type\":\"ResultManuallyEntered\"",
                "\"dnf_rerun\":true", "\"partial\":true", "\"type\":\"CarRemoved\"");
        JsonNode state = json(Cli.run("state", demo.toString(), "--json").out());
        assertThat(state.get("sections")).hasSize(3)
                .allSatisfy(s -> assertThat(s.get("phase").asText()).isEqualTo("section-complete"));
    }

    @Test
    void standings_json_hasExactlyTheDocumentedShape() {
        Cli cli = Cli.run("standings", demo.toString(), "--section", "KUB KARS", "--json");
        assertThat(cli.exitCode()).isZero();
        JsonNode root = json(cli.out());
        assertThat(fieldNames(root)).containsExactly("section_id", "section_name", "early_end", "standings");
        assertThat(root.get("section_name").asText()).isEqualTo("Kub Kars");
        JsonNode first = root.get("standings").get(0);
        assertThat(fieldNames(first)).containsExactly("rank", "car_number", "name", "avg_time_ms", "best_time_ms",
                "heats_run", "dnf_count", "incomplete");
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("car_number").isTextual()).isTrue();
        JsonNode last = root.get("standings").get(root.get("standings").size() - 1);
        assertThat(last.get("incomplete").asBoolean()).isTrue();
    }

    @Test
    void standings_unknownSection_exit3NamingTheSections() {
        Cli cli = Cli.run("standings", demo.toString(), "--section", "Cubs");
        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err()).contains("No section \"Cubs\"", "Beaver Buggies, Kub Kars, Scout Trucks");
    }

    @Test
    void state_text_listsPhasesAndHeats() {
        Cli cli = Cli.run("state", demo.toString());
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("RallyLab Demo Rally", "section-complete", "Scout Trucks");
    }

    @Test
    void schedule_json_matchesTheDocumentedOutputShape() {
        Cli cli = Cli.run("schedule", "--cars", "12", "--lanes", "1,2,3,4,5,6", "--json");
        assertThat(cli.exitCode()).isZero();
        JsonNode root = json(cli.out());
        assertThat(fieldNames(root)).containsExactly("heats", "metrics");
        assertThat(fieldNames(root.get("heats").get(0))).containsExactly("heat", "catch_up", "lanes");
        assertThat(fieldNames(root.get("metrics"))).containsExactly("cars", "lanes", "heats", "runs_per_car",
                "lane_balance_max_spread", "max_pair_meetings", "min_gap_between_runs", "algorithm");
        assertThat(root.get("metrics").get("heats").asInt()).isEqualTo(12);
        assertThat(root.get("metrics").get("lane_balance_max_spread").asInt()).isZero();
    }

    @Test
    void schedule_carNumbersAndRunsPerCar_used() {
        Cli cli = Cli.run("schedule", "--car-numbers", "B9,B100,7", "--lanes", "1,3,5", "--runs-per-car", "6");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("3 cars on lanes 1, 3, 5: 6 heats, 6 runs per car", "B100");
    }

    @Test
    void schedule_usageErrors_exit2_badRoster_exit3() {
        assertThat(Cli.run("schedule", "--lanes", "1,2").exitCode()).isEqualTo(2);
        assertThat(Cli.run("schedule", "--cars", "3", "--car-numbers", "1,2", "--lanes", "1,2").exitCode()).isEqualTo(2);
        assertThat(Cli.run("schedule", "--cars", "x", "--lanes", "1,2").exitCode()).isEqualTo(2);
        assertThat(Cli.run("bogus").exitCode()).isEqualTo(2);
        Cli one = Cli.run("schedule", "--cars", "1", "--lanes", "1,2");
        assertThat(one.exitCode()).isEqualTo(3);
        assertThat(one.err()).contains("at least 2 cars");
        assertThat(Cli.run("schedule", "--cars", "4", "--lanes", "1,9").err()).contains("lane 9");
    }

    @Test
    void exportThenImport_roundTripsByteForByte() throws Exception {
        Path log = folder.resolve("log.jsonl");
        Files.writeString(log, Cli.run("export-log", demo.toString()).out());
        Path copy = folder.resolve("copy.rallylab");
        Cli imported = Cli.run("import-log", copy.toString(), log.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(Cli.run("export-log", copy.toString()).out()).isEqualTo(Files.readString(log));
        assertThat(Cli.run("standings", copy.toString(), "--section", "Scout Trucks", "--json").out())
                .isEqualTo(Cli.run("standings", demo.toString(), "--section", "Scout Trucks", "--json").out());
    }

    @Test
    void importLog_malformedLine_exit3NamingFileAndLine_noFileCreated() throws Exception {
        List<String> lines = new ArrayList<>(Cli.run("export-log", demo.toString()).out().lines().toList());
        lines.set(4, lines.get(4).replace("\"type\"", "\"tipe\""));
        Path log = folder.resolve("bad.jsonl");
        Files.write(log, lines, StandardCharsets.UTF_8);
        Path target = folder.resolve("never.rallylab");
        Cli cli = Cli.run("import-log", target.toString(), log.toString());
        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err()).contains("bad.jsonl", "line 5");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bad.jsonl");
        }
    }

    @Test
    void verify_notARallyFileOrNewerSchema_exit3_fileUnchanged() throws Exception {
        Path text = folder.resolve("notes.rallylab");
        Files.writeString(text, "shopping list\n");
        Cli cli = Cli.run("verify", text.toString());
        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err()).contains("notes.rallylab");
        assertThat(Files.readString(text)).isEqualTo("shopping list\n");

        Path newer = folder.resolve("newer.rallylab");
        Files.copy(demo, newer);
        try (RandomAccessFile raw = new RandomAccessFile(newer.toFile(), "rw")) {
            raw.seek(60); // SQLite header: user_version, our schema version
            raw.writeInt(99);
        }
        String before = sha256(newer);
        Cli refused = Cli.run("state", newer.toString());
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("newer RallyLab");
        assertThat(sha256(newer)).isEqualTo(before);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("notes.rallylab",
                    "newer.rallylab");
        }
    }

    @Test
    void missingFile_exit3() {
        Cli cli = Cli.run("state", folder.resolve("nowhere.rallylab").toString());
        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err()).contains("nowhere.rallylab");
    }

    @Test
    void help_printsUsageWithTheAppOptionsAndExit0() {
        Cli cli = Cli.run("--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("Usage: rallylab", "demo", "standings", "schedule", "Exit codes",
                "--demo", "--autopilot", "--exit-when-done", "--rally", "--track");
    }

    @Test
    void appOptions_badValues_exit2_beforeAnyWindowOpens() {
        assertThat(Cli.run("--track", "nonsense-port").exitCode()).isEqualTo(2);
        Cli missing = Cli.run("--rally", folder.resolve("missing.rallylab").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("missing.rallylab", "no such file");
        assertThat(Cli.run("--autopilot").err()).contains("--autopilot needs a rally");
        assertThat(Cli.run("--demo", "--counts", "1,2").err()).contains("three whole numbers");
        assertThat(Cli.run("--demo", "--counts", "1,8,9").err()).contains("2 to 200 cars");
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Issue 12: `rallylab COMMAND --help` printed "Missing required parameter" and exited 2; every command, today's and tomorrow's. */
    @Test
    void help_everyCommand_printsItsUsageAndExitsZero() {
        var commands = new picocli.CommandLine(new RallyLabCommand()).getSubcommands().keySet();
        assertThat(commands).contains("verify", "copy", "standings");
        for (String command : commands) {
            Cli cli = Cli.run(command, "--help");
            assertThat(cli.exitCode()).as("%s --help: %s", command, cli.err()).isZero();
            assertThat(cli.out()).as(command).startsWith("Usage: rallylab " + command);
            assertThat(cli.err()).as(command).isEmpty();
        }
    }
}
