package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventJson;
import org.rallylab.domain.event.EventLimits;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.RosterLoaded;
import org.rallylab.domain.event.SectionCreated;
import org.rallylab.domain.event.SectionStarted;
import org.rallylab.store.RallyFileException.Reason;

/**
 * Issue 11: what {@code import-log} refuses, and "what export-log writes, import-log must read":
 * a 2 MB name or a 100 000-car roster used to go in and come out as a line import-log refused.
 */
class EntryLimitsTest {

    @TempDir
    Path folder;

    private Path jsonl(List<DomainEvent> events) throws Exception {
        StringBuilder text = new StringBuilder();
        events.forEach(e -> text.append(EventJson.write(e)).append('\n'));
        return Files.writeString(folder.resolve("events.jsonl"), text);
    }

    private void assertImportRefused(List<DomainEvent> events, String message) throws Exception {
        Path input = jsonl(events);
        Path target = folder.resolve("imported.rallylab");
        assertThatThrownBy(() -> RallyFile.importJsonLines(input, target))
                .isInstanceOf(InvalidInputException.class).hasMessage(message);
        assertThat(FileFixtures.listing(folder)).containsExactly("events.jsonl");
    }

    private static DomainEvent edited(DomainEvent event, String key, Object value) throws Exception {
        var node = EventJson.toNode(event);
        node.set(key, EventJson.mapper().valueToTree(value));
        return EventJson.read(node);
    }

    @Test
    void importLog_eventWithNegativeTimestamp_refusedNamingTheLine() throws Exception {
        List<DomainEvent> log = new ArrayList<>(RallyLogs.opening(2));
        log.set(3, edited(log.get(3), "timestamp", -1));

        assertImportRefused(log, "events.jsonl line 4: CarArrived: \"timestamp\" -1 is not a time RallyLab can record"
                + " (0 to " + EventLimits.MAX_TIMESTAMP + " ms since 1970)");
    }

    @Test
    void importLog_notStartingWithRallyCreated_refused() throws Exception {
        List<DomainEvent> log = new ArrayList<>(RallyLogs.opening(2));
        log.remove(0);

        assertImportRefused(log, "events.jsonl line 1: SectionCreated cannot come first: a rally's log starts with"
                + " RallyCreated");
    }

    @Test
    void importLog_dateNotOnTheCalendar_refused() throws Exception {
        List<DomainEvent> log = new ArrayList<>(RallyLogs.opening(2));
        log.set(0, edited(log.get(0), "rally_date", "2026-02-31"));

        assertImportRefused(log, "events.jsonl line 1: RallyCreated: \"rally_date\" \"2026-02-31\" is not a date on"
                + " the calendar (like 2026-02-15)");
    }

    @Test
    void importLog_sectionStartedWithoutHeatStaged_refused() throws Exception {
        List<DomainEvent> log = new ArrayList<>(RallyLogs.opening(2));
        log.add(new SectionStarted(RallyLogs.T0 + 100, RallyLogs.RALLY, RallyLogs.SECTION, List.of(1, 2), Extras.NONE));

        assertImportRefused(log, "events.jsonl: SectionStarted of section " + RallyLogs.SECTION + " has no HeatStaged"
                + " after it: the log ends in the middle of a start");
        log.add(RallyLogs.carArrived(RallyLogs.SECTION, 1, RallyLogs.T0 + 101));
        assertImportRefused(log, "events.jsonl line 7: CarArrived of section " + RallyLogs.SECTION + " comes after its"
                + " SectionStarted, before the HeatStaged that starts it: a start stages heat 1 first");
    }

    @Test
    void append_twoMegabyteName_refusedNamingTheLimit() throws Exception {
        try (RallyFile log = RallyFile.create(folder.resolve("r.rallylab"))) {
            log.append(RallyLogs.rallyCreated());
            SectionCreated huge = new SectionCreated(RallyLogs.T0, RallyLogs.RALLY, RallyLogs.SECTION,
                    "x".repeat(2 << 20), null, Extras.NONE);

            assertThatThrownBy(() -> log.append(huge))
                    .isInstanceOfSatisfying(RallyFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REFUSED))
                    .hasMessageContaining("SectionCreated: \"section_name\" is 2097152 characters long; at most 100 are"
                            + " allowed");
            assertThat(log.lastSequence()).isEqualTo(1);
        }
    }

    @Test
    void append_hundredThousandCarRoster_refusedNamingTheLimit() throws Exception {
        try (RallyFile log = RallyFile.create(folder.resolve("r.rallylab"))) {
            log.append(RallyLogs.rallyCreated());

            assertThatThrownBy(() -> log.append(roster(100_000, "Driver")))
                    .isInstanceOfSatisfying(RallyFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REFUSED))
                    .hasMessageContaining("RosterLoaded: \"participants\" holds 100000 entries; at most 1000 are allowed");
            assertThat(log.lastSequence()).isEqualTo(1);
        }
    }

    /** The largest events the limits allow still fit one line of an export, and import back. */
    @Test
    void exportThenImport_largestEventsTheLimitsAllow_roundTrip() throws Exception {
        Path original = folder.resolve("big.rallylab");
        String longest = "\uD83C\uDFC1".repeat(EventLimits.MAX_NAME_CHARS); // 100 chequered flags, 4 bytes each
        try (RallyFile log = RallyFile.create(original)) {
            log.append(RallyLogs.rallyCreated());
            log.append(roster(EventLimits.MAX_PARTICIPANTS, longest));
            StringWriter out = new StringWriter();
            log.exportJsonLines(out);
            Path exported = Files.writeString(folder.resolve("big.jsonl"), out.toString());

            RallyFile.importJsonLines(exported, folder.resolve("copy.rallylab"));

            try (RallyFile copy = RallyFile.openReadOnly(folder.resolve("copy.rallylab"))) {
                assertThat(copy.rebuild()).isEqualTo(log.rebuild());
                assertThat(copy.chainHead()).isEqualTo(log.chainHead());
            }
        }
    }

    private static RosterLoaded roster(int cars, String name) {
        List<Participant> participants = new ArrayList<>(cars);
        for (int i = 1; i <= cars; i++) {
            String number = "B" + String.format("%011d", i);
            participants.add(new Participant(String.format("p-%060d", i), name.length() > 10 ? name : name + " " + i,
                    number));
        }
        return new RosterLoaded(RallyLogs.T0 + 5, RallyLogs.RALLY, RallyLogs.SECTION, "Kub Kars", participants,
                Extras.NONE);
    }
}
