package org.rallylab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.EventJson;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.state.SectionState;

/**
 * Issue 11: the command line printed text raw, and an ESC sequence in a name retitled the
 * terminal. Here hostile text reaches the output through arguments and inputs (a section name,
 * a file name, a log line, an unknown option), with no rally file holding it: every control
 * character comes out as {@code \}{@code uXXXX}, line endings and other Unicode unchanged.
 */
class EscapedOutputTest {

    /** Sets the terminal's title to "pwned": OSC 0 ; text BEL. */
    private static final String RETITLE = "\u001b]0;pwned\u0007";
    private static final String RETITLE_ESCAPED = "\\u001b]0;pwned\\u0007";

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
    void standings_sectionNameWithTerminalTitleSequence_echoedEscaped() {
        Cli cli = Cli.run("standings", demo.toString(), "--section", RETITLE);
        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err()).contains("No section \"" + RETITLE_ESCAPED + "\"");
        RawControl.assertNone(cli);
    }

    @Test
    void state_fileNameWithControlCharacters_errorQuotesItEscaped() {
        Path file = folder.resolve("night" + RETITLE + "\u009b2J\r\u202e.rallylab");
        Cli cli = Cli.run("state", file.toString());
        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err()).contains("night" + RETITLE_ESCAPED + "\\u009b2J\\u000d\\u202e.rallylab");
        RawControl.assertNone(cli);
    }

    @Test
    void importLog_badLineWithControlCharacters_errorQuotesItEscaped() throws Exception {
        Path log = folder.resolve("odd.jsonl");
        Files.writeString(log, "[\"\u009b2J\u0085\u202e\u2066\u007f\", 1]\n", StandardCharsets.UTF_8);
        Cli cli = Cli.run("import-log", folder.resolve("never.rallylab").toString(), log.toString());
        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err()).contains("odd.jsonl line 1", "\\u009b2J\\u0085\\u202e\\u2066\\u007f");
        assertThat(folder.resolve("never.rallylab")).doesNotExist();
        RawControl.assertNone(cli);
    }

    @Test
    void unknownOption_withControlCharacters_picocliErrorEchoesItEscaped() {
        Cli cli = Cli.run("state", "--" + RETITLE, demo.toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains(RETITLE_ESCAPED);
        RawControl.assertNone(cli);
    }

    @Test
    void appOption_badValueWithControlCharacters_usageErrorEchoesItEscaped() {
        Cli cli = Cli.run("--demo", "--counts", "8," + RETITLE + ",9");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--counts 8," + RETITLE_ESCAPED + ",9");
        RawControl.assertNone(cli);
    }

    @Test
    void schedule_carNumbersWithControlCharacters_tableAndJsonEscaped_jsonReadsBackTheSameNumbers() throws Exception {
        List<String> numbers = List.of("A\u009b2J", "B\u0085C", "C\u202eD", "E\tG", "F" + RETITLE);
        String given = String.join(",", numbers);

        Cli table = Cli.run("schedule", "--car-numbers", given, "--lanes", "1,2");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("A\\u009b2J", "B\\u0085C", "C\\u202eD", "E\\u0009G", "F" + RETITLE_ESCAPED);
        RawControl.assertNone(table);

        Cli json = Cli.run("schedule", "--car-numbers", given, "--lanes", "1,2", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        RawControl.assertNone(json);
        List<String> read = new ArrayList<>();
        for (JsonNode heat : EventJson.mapper().readTree(json.out()).get("heats")) {
            heat.get("lanes").forEach(lane -> read.add(lane.get("car_number").asText()));
        }
        assertThat(read).containsAll(numbers);
    }

    @Test
    void schedule_accentsEmojiAndCjk_passUnchanged() {
        Cli cli = Cli.run("schedule", "--car-numbers", "Zoë,🏎️,漢字", "--lanes", "1,2");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Zoë", "🏎️", "漢字").doesNotContain("\\u");
    }

    @Test
    void standings_ordinaryText_printedExactlyAsBuilt() throws Exception {
        SectionState kubs = RallyFiles.section(RallyFiles.read(demo), demo, "Kub Kars");
        Cli cli = Cli.run("standings", demo.toString(), "--section", "Kub Kars");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo(StandingsText.table(kubs, Scoring.standings(kubs)));
    }

    @Test
    void help_ansiForcedOn_printsNoEscapeSequences() {
        String before = System.getProperty("picocli.ansi");
        System.setProperty("picocli.ansi", "true");
        Cli cli;
        try {
            cli = Cli.run("--help");
        } finally {
            if (before == null) {
                System.clearProperty("picocli.ansi");
            } else {
                System.setProperty("picocli.ansi", before);
            }
        }
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("Usage: rallylab", "Exit codes").doesNotContain("\\u001b");
        RawControl.assertNone(cli);
    }
}
