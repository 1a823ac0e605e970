package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rallylab.store.FileFixtures.listing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventJson;
import org.rallylab.domain.event.SampleEvents;
import org.rallylab.domain.event.UnrecognizedEvent;
import org.rallylab.store.RallyFileException.Reason;

/** Export to and import from JSON Lines: a byte-identical round trip, and bad input refused by line, creating nothing. */
class JsonLinesImportTest {

    @TempDir
    Path folder;

    private Path jsonl(String... lines) throws IOException {
        return Files.writeString(folder.resolve("events.jsonl"), String.join("\n", lines) + "\n");
    }

    private Path target() {
        return folder.resolve("restored" + RallyFile.EXTENSION);
    }

    private static String export(Path file) throws Exception {
        StringWriter out = new StringWriter();
        try (RallyFile log = RallyFile.openReadOnly(file)) {
            log.exportJsonLines(out);
        }
        return out.toString();
    }

    private static String line(DomainEvent e) {
        return EventJson.write(e);
    }

    /** Imports {@code input}; it must fail with {@code message}, and the folder must be as it was. */
    private void assertRefused(Path input, String message) throws IOException {
        List<String> before = listing(folder);
        assertThatThrownBy(() -> RallyFile.importJsonLines(input, target()))
                .isInstanceOf(InvalidInputException.class).hasMessage(message);
        assertThat(listing(folder)).as("no file created").isEqualTo(before);
    }

    @Test
    void exportImportExport_raceDayWithEveryEventType_isByteIdentical() throws Exception {
        List<DomainEvent> events = new ArrayList<>(RallyLogs.rally(2, 5, 3, 3));
        Path original = FileFixtures.rallyFile(folder.resolve("original.rallylab"), events);
        Path sampleFile = FileFixtures.rallyFile(folder.resolve("samples.rallylab"), SampleEvents.everyType());
        for (Path file : List.of(original, sampleFile)) {
            String first = export(file);
            Path exported = Files.writeString(folder.resolve(file.getFileName() + ".jsonl"), first);
            Path copy = folder.resolve("copy-of-" + file.getFileName());

            ImportSummary summary = RallyFile.importJsonLines(exported, copy);

            assertThat(export(copy)).isEqualTo(first);
            assertThat(summary.rallyFile()).isEqualTo(copy);
            assertThat(summary.eventCount()).as("every line but the closing one").isEqualTo(first.lines().count() - 1);
            assertThat(first.lines().reduce((a, b) -> b).orElseThrow())
                    .matches("\\{\"export_end\":\\{\"event_count\":\\d+,\"chain_head\":\"[0-9a-f]{64}\"\\}\\}");
            assertThat(summary.rallyId()).contains(RallyLogs.RALLY);
            try (RallyFile a = RallyFile.openReadOnly(file); RallyFile b = RallyFile.openReadOnly(copy)) {
                assertThat(b.rebuild()).isEqualTo(a.rebuild());
                assertThat(b.verify().problems()).isEmpty();
            }
        }
        assertThat(listing(folder)).noneMatch(name -> name.startsWith(".copy-of"));
    }

    @Test
    void import_envelopeKeysBlankLinesCrLfAndByteOrderMark_accepted() throws Exception {
        List<DomainEvent> events = RallyLogs.opening(2);
        String text = "\uFEFF{\"client_event_id\":1," + line(events.get(0)).substring(1) + "\r\n\r\n"
                + "   \n" + line(events.get(1)) + "\r\n" + line(events.get(2)) + "\n\n"
                + line(events.get(3)) + "\n" + line(events.get(4)); // no newline at the end
        Path input = Files.writeString(folder.resolve("events.jsonl"), text);

        ImportSummary summary = RallyFile.importJsonLines(input, target());

        assertThat(summary.eventCount()).isEqualTo(5);
        assertThat(summary.linesRead()).isEqualTo(8);
        try (RallyFile log = RallyFile.openReadOnly(target())) {
            List<DomainEvent> imported = new ArrayList<>();
            log.replay(e -> imported.add(e.event()));
            assertThat(imported).isEqualTo(events);
        }
    }

    @Test
    void import_unknownTypeAndUnknownFields_keptThroughExport() throws Exception {
        String rally = RallyLogs.RALLY;
        String section = RallyLogs.SECTION;
        List<String> lines = List.of(
                line(RallyLogs.rallyCreated()),
                "{\"type\":\"TrophyAwarded\",\"timestamp\":1771146000100,\"rally_id\":\"" + rally
                        + "\",\"section_id\":\"" + section + "\",\"trophy\":\"Best in show\",\"car_number\":\"7\"}",
                "{\"type\":\"CarArrived\",\"timestamp\":1771146000200,\"rally_id\":\"" + rally + "\",\"section_id\":\""
                        + section + "\",\"car_number\":\"7\",\"scale_weight_g\":141.7,\"inspector\":{\"name\":\"Kim\"}}");
        Path input = jsonl(lines.toArray(String[]::new));

        RallyFile.importJsonLines(input, target());

        assertThat(export(target())).startsWith(String.join("\n", lines) + "\n{\"export_end\":{\"event_count\":3,");
        try (RallyFile log = RallyFile.openReadOnly(target())) {
            assertThat(log.readAfter(1, 1).get(0).event()).isInstanceOf(UnrecognizedEvent.class);
            assertThat(log.readAfter(1, 1).get(0).sectionId()).isEqualTo(section);
        }
    }

    @Test
    void import_malformedJson_refusedNamingTheLine() throws Exception {
        List<DomainEvent> events = RallyLogs.opening(3);
        Path input = jsonl(line(events.get(0)), line(events.get(1)), "{\"type\": \"CarArrived\", \"timestamp\": ");

        List<String> before = listing(folder);
        assertThatThrownBy(() -> RallyFile.importJsonLines(input, target()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.file()).isEqualTo(input);
                })
                .hasMessageStartingWith("events.jsonl line 3: not valid JSON: ");
        assertThat(listing(folder)).isEqualTo(before);
    }

    @Test
    void import_fieldOfTheWrongType_refusedNamingLineFieldAndValue() throws Exception {
        List<String> lines = new ArrayList<>();
        RallyLogs.opening(4).forEach(e -> lines.add(line(e)));
        lines.add("{\"type\":\"RaceCompleted\",\"timestamp\":1771146000900,\"rally_id\":\"" + RallyLogs.RALLY
                + "\",\"section_id\":\"" + RallyLogs.SECTION + "\",\"heat\":\"abc\",\"race_id\":\"r-1\","
                + "\"times_ms\":{\"1\":2345}}");

        assertRefused(jsonl(lines.toArray(String[]::new)),
                "events.jsonl line 8: RaceCompleted: \"heat\" must be a whole number, got \"abc\"");
    }

    @Test
    void import_missingTimestampOrType_refusedNamingTheLine() throws Exception {
        String rallyCreated = line(RallyLogs.rallyCreated());
        assertRefused(jsonl(rallyCreated, "{\"type\":\"CarArrived\",\"rally_id\":\"" + RallyLogs.RALLY
                        + "\",\"section_id\":\"s\",\"car_number\":\"7\"}"),
                "events.jsonl line 2: CarArrived: \"timestamp\" is missing");
        assertRefused(jsonl(rallyCreated, "", "{\"timestamp\": 5}"),
                "events.jsonl line 3: event \"type\" is missing or not text");
        assertRefused(jsonl("[1, 2, 3]"), "events.jsonl line 1: a line holds one event, a JSON object like"
                + " {\"type\": \"CarArrived\", ...}; got [1, 2, 3]");
    }

    @Test
    void import_twoRallies_refusedNamingBothLines() throws Exception {
        String stray = line(new org.rallylab.domain.event.CarArrived(RallyLogs.T0, RallyLogs.OTHER_RALLY,
                RallyLogs.SECTION, "3", org.rallylab.domain.event.Extras.NONE));

        assertRefused(jsonl(line(RallyLogs.rallyCreated()), line(RallyLogs.carArrived(RallyLogs.SECTION, 1, 1)), stray),
                "events.jsonl line 3: CarArrived belongs to rally " + RallyLogs.OTHER_RALLY + ", but line 1 names rally "
                        + RallyLogs.RALLY + ": a rally file holds one rally");
    }

    @Test
    void import_tenMegabyteLine_refusedWithoutReadingItWhole() throws Exception {
        Path input = folder.resolve("events.jsonl");
        try (OutputStream out = Files.newOutputStream(input)) {
            out.write((line(RallyLogs.rallyCreated()) + "\n{\"type\":\"Note\",\"timestamp\":1,\"text\":\"")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] block = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 160; i++) {
                out.write(block);
            }
            out.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
        }

        assertRefused(input, "events.jsonl line 2 is longer than 1 MiB: a JSON Lines file holds one event per line,"
                + " and no event is that long; is this the right file?");
    }

    @Test
    void import_notUtf8_refusedNamingTheLine() throws Exception {
        Path input = folder.resolve("events.jsonl");
        Files.write(input, (line(RallyLogs.rallyCreated()) + "\n{\"type\":\"Note\",\"text\":\"caf\u00e9\"}\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        assertRefused(input, "events.jsonl line 2: the line is not UTF-8 text: is this a JSON Lines export of RallyLab?");
    }

    @Test
    void import_emptyOrBlankFile_refusedAsNoEvents() throws Exception {
        assertRefused(Files.writeString(folder.resolve("events.jsonl"), ""),
                "events.jsonl: no events: the file is empty or holds only blank lines");
        assertRefused(Files.writeString(folder.resolve("events.jsonl"), "\n  \n\r\n"),
                "events.jsonl: no events: the file is empty or holds only blank lines");
    }

    @Test
    void import_missingSource_refused() {
        assertThatThrownBy(() -> RallyFile.importJsonLines(folder.resolve("nowhere.jsonl"), target()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("nowhere.jsonl: does not exist: check the folder and the name");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void import_existingTarget_refusedAndLeftUntouched() throws Exception {
        Path existing = FileFixtures.rallyFile(target(), RallyLogs.opening(1));
        String hash = FileFixtures.sha256(existing);
        Path input = jsonl(line(RallyLogs.rallyCreated()));

        assertThatThrownBy(() -> RallyFile.importJsonLines(input, existing))
                .isInstanceOfSatisfying(RallyFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_EXISTS))
                .hasMessageContaining("already exists");
        assertThat(FileFixtures.sha256(existing)).isEqualTo(hash);
    }

    /** Issue 11: an export carries the chain head; a log changed after export is refused unless the closing line goes. */
    @Test
    void import_exportChangedAfterwards_refusedByItsClosingLine_acceptedWithoutIt() throws Exception {
        Path original = FileFixtures.rallyFile(folder.resolve("original.rallylab"), RallyLogs.opening(3));
        String exported = export(original);
        String changed = exported.replace("Driver 2", "Driver Two");
        assertThat(changed).isNotEqualTo(exported);
        Path input = Files.writeString(folder.resolve("changed.jsonl"), changed);
        long closing = changed.lines().count();

        assertRefused(input, "changed.jsonl line " + closing + ": the events do not end in the export's chain head:"
                + " the log was changed after it was exported. Import the original export, or remove this last line"
                + " to import a log you edited on purpose");

        String withoutClosing = changed.substring(0, changed.lastIndexOf("{\"export_end\""));
        Files.writeString(input, withoutClosing);
        RallyFile.importJsonLines(input, target());
        try (RallyFile log = RallyFile.openReadOnly(target())) {
            assertThat(log.lastSequence()).isEqualTo(closing - 1);
        }
    }
}
