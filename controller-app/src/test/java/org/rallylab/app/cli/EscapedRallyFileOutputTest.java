package org.rallylab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.demo.DemoRally;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventFormatException;
import org.rallylab.domain.event.EventJson;
import org.rallylab.domain.event.SectionCreated;

/**
 * Issue 11: a rally file that already holds names with control characters (written before
 * entries were checked) is printed by every command with them escaped as {@code \}{@code uXXXX}.
 * The file is the demo rally with hostile names, written in schema 3's layout with plain JDBC
 * ({@link SchemaThreeRallyFile}), since today's appends refuse such names.
 */
class EscapedRallyFileOutputTest {

    /** Retitles the terminal (OSC 0 … BEL), then clears the screen with the one-byte C1 CSI. */
    private static final String RALLY_NAME = "Night Rally \u001b]0;pwned\u0007\u009b2J";
    /** A bidirectional override that shows the text reversed, NEL and a carriage return that rewrites the line. */
    private static final String SECTION_NAME = "Kub Kars \u202eSRAK\u202c \u0085\r";
    private static final String NAME_SUFFIX = " \u009b31m\u2066\u007f\u0000";
    private static final String REASON = "destroyed\u001b[2K\rwinner";
    private static final ObjectMapper JSON = EventJson.mapper();

    @TempDir
    static Path shared;
    @TempDir
    Path folder;

    private static List<DomainEvent> events;
    private static Path rally;
    private static String kubsId;

    @BeforeAll
    static void writeRally() throws Exception {
        events = hostile(DemoRally.standard(2026).stream().flatMap(List::stream).toList());
        rally = SchemaThreeRallyFile.write(shared.resolve("hostile.rallylab"), events.get(0).rallyId(),
                events.stream().map(SchemaThreeRallyFile.Row::of).toList());
        kubsId = events.stream().filter(SectionCreated.class::isInstance).map(SectionCreated.class::cast)
                .filter(s -> s.sectionName().equals(SECTION_NAME)).findFirst().orElseThrow().sectionId();
    }

    @Test
    void standings_hostileNamesInFile_printedEscaped() {
        Cli cli = Cli.run("standings", rally.toString(), "--section", kubsId);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Kub Kars \\u202eSRAK\\u202c \\u0085\\u000d — standings (complete)")
                .contains(" \\u009b31m\\u2066\\u007f\\u0000", "incomplete: destroyed\\u001b[2K\\u000dwinner");
        RawControl.assertNone(cli);
    }

    @Test
    void standings_json_hostileNamesInFile_validJsonReadingBackTheNames() throws Exception {
        Cli cli = Cli.run("standings", rally.toString(), "--section", kubsId, "--json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        RawControl.assertNone(cli);
        JsonNode root = JSON.readTree(cli.out());
        assertThat(root.get("section_name").asText()).isEqualTo(SECTION_NAME);
        assertThat(root.get("standings")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.get("name").asText()).endsWith(NAME_SUFFIX));
    }

    @Test
    void state_hostileNamesInFile_textAndJsonEscaped() throws Exception {
        Cli text = Cli.run("state", rally.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("Night Rally \\u001b]0;pwned\\u0007\\u009b2J · 2026-02-14")
                .contains("Kub Kars \\u202eSRAK\\u202c \\u0085\\u000d");
        RawControl.assertNone(text);

        Cli json = Cli.run("state", rally.toString(), "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        RawControl.assertNone(json);
        JsonNode root = JSON.readTree(json.out());
        assertThat(root.get("rally_name").asText()).isEqualTo(RALLY_NAME);
        assertThat(root.get("sections").findValuesAsText("section_name")).contains(SECTION_NAME);
    }

    @Test
    void exportLog_c1CharactersJacksonLeavesRaw_escapedAndEveryLineReadsBackAsTheStoredEvent() throws Exception {
        assertThat(EventJson.write(events.get(0))).as("Jackson itself leaves C1 raw").contains("\u009b");
        Cli cli = Cli.run("export-log", rally.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        RawControl.assertNone(cli);
        assertThat(cli.out()).contains("\\u009b2J", "\\u0085", "\\u202e", "\\u2066", "\\u007f").endsWith("\n");
        String[] lines = cli.out().split("\n");
        assertThat(lines).as("every event and the closing line").hasSize(events.size() + 1);
        assertThat(lines[events.size()]).startsWith("{\"export_end\":{\"event_count\":" + events.size() + ",");
        for (int i = 0; i < events.size(); i++) {
            assertThat(JSON.readTree(lines[i])).as("line %d", i + 1)
                    .isEqualTo(JSON.readTree(EventJson.write(events.get(i))));
        }
    }

    @Test
    void verify_hostileNamesInFile_soundAndNoRawControl() {
        Cli cli = Cli.run("verify", rally.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("hostile.rallylab: ok, " + events.size() + " events (schema 3)");
        RawControl.assertNone(cli);
    }

    @Test
    void verify_problemQuotingHostileColumn_listedEscaped() throws Exception {
        List<SchemaThreeRallyFile.Row> rows = new ArrayList<>(events.stream().map(SchemaThreeRallyFile.Row::of).toList());
        SchemaThreeRallyFile.Row second = rows.get(1);
        rows.set(1, new SchemaThreeRallyFile.Row(second.type(), "\u009b2J" + RALLY_NAME, second.timestamp(),
                second.payload()));
        Path damaged = SchemaThreeRallyFile.write(folder.resolve("damaged.rallylab"), events.get(0).rallyId(), rows);
        Cli cli = Cli.run("verify", damaged.toString());
        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.err()).contains("the section_id column says \\u009b2JNight Rally \\u001b]0;pwned\\u0007\\u009b2J");
        RawControl.assertNone(cli);
    }

    /** The demo's events with hostile rally, section, participant names and reasons. */
    private static List<DomainEvent> hostile(List<DomainEvent> demo) throws EventFormatException {
        List<DomainEvent> renamed = new ArrayList<>();
        for (DomainEvent event : demo) {
            ObjectNode node = EventJson.toNode(event);
            rename(node);
            renamed.add(EventJson.read(node));
        }
        return renamed;
    }

    private static void rename(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode value = object.get(key);
                if (!value.isTextual()) {
                    rename(value);
                } else if (key.equals("rally_name")) {
                    object.put(key, RALLY_NAME);
                } else if (key.equals("section_name") && value.asText().equals("Kub Kars")) {
                    object.put(key, SECTION_NAME);
                } else if (key.equals("name")) {
                    object.put(key, value.asText() + NAME_SUFFIX);
                } else if (key.equals("reason")) {
                    object.put(key, REASON);
                }
            }
        } else if (node.isArray()) {
            node.forEach(EscapedRallyFileOutputTest::rename);
        }
    }
}
