package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.store.RallyFileException.Reason;

/**
 * {@link RallyFile#verify()} on sound and damaged files. The damage is done with raw SQL on a
 * test-only copy after dropping the append-only triggers (RallyLab itself never can), then the
 * triggers are put back so that each test sees only the damage it made.
 */
class VerifyTest {

    @TempDir
    Path folder;
    private Path original;
    private List<DomainEvent> events;

    @BeforeEach
    void raceDay() throws Exception {
        events = RallyLogs.rally(1, 5, 3, 11);
        original = FileFixtures.rallyFile(folder.resolve("sound.rallylab"), events);
    }

    /** A copy of the sound file with {@code damage} done to it, triggers restored. */
    private Path damaged(String... damage) throws Exception {
        Path copy = Files.copy(original, folder.resolve("damaged.rallylab"));
        String[] all = new String[damage.length + 4];
        all[0] = "DROP TRIGGER events_append_only_update";
        all[1] = "DROP TRIGGER events_append_only_delete";
        System.arraycopy(damage, 0, all, 2, damage.length);
        all[damage.length + 2] = Schema.NO_UPDATE;
        all[damage.length + 3] = Schema.NO_DELETE;
        FileFixtures.sql(copy, all);
        return copy;
    }

    private static IntegrityReport verify(Path file) throws RallyFileException {
        return RallyFile.verify(file);
    }

    private String chainBreaksAt(int sequence) {
        return "event " + sequence + " (" + events.get(sequence - 1).type() + ") does not match the hash chain: it was"
                + " changed after it was written, or an event before it was removed or moved";
    }

    @Test
    void verify_soundFile_ok() throws Exception {
        IntegrityReport report = verify(original);

        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.eventCount()).isEqualTo(events.size());
        assertThat(report.lastSequence()).isEqualTo(events.size());
        assertThat(report.schemaVersion()).isEqualTo(4);
        assertThat(report.summary()).isEqualTo("sound.rallylab: ok, " + events.size() + " events (schema 4)");
        try (RallyFile log = RallyFile.openReadOnly(original)) {
            assertThat(log.verify().problems()).isEmpty();
        }
    }

    @Test
    void verify_eventRemovedFromTheMiddle_reportsTheGap() throws Exception {
        Path file = damaged("DELETE FROM events WHERE sequence IN (4, 5, 6)");

        IntegrityReport report = verify(file);

        assertThat(report.problems()).containsExactly(chainBreaksAt(7), "events 4 to 6 are missing (the log jumps to 7)");
        assertThat(report.ok()).isFalse();
        assertThat(report.summary()).startsWith("damaged.rallylab: event 7 (");
    }

    @Test
    void verify_lastEventsRemoved_reportsTheShortenedEnd() throws Exception {
        Path file = damaged("DELETE FROM events WHERE sequence > " + (events.size() - 2));

        assertThat(verify(file).problems()).containsExactly("sequence numbers were given up to " + events.size()
                + " but the log ends at " + (events.size() - 2) + ": events at the end were removed");
    }

    @Test
    void verify_payloadEditedToAWrongType_reportsTheEventAndReplayRefuses() throws Exception {
        Path file = damaged("UPDATE events SET payload = json_set(payload, '$.heat', 'abc') WHERE sequence = 12");
        String type = events.get(11).type();

        assertThat(verify(file).problems()).containsExactly(chainBreaksAt(12),
                "event 12 (" + type + ") cannot be read: " + type + ": \"heat\" must be a whole number, got \"abc\"");
        try (RallyFile log = RallyFile.openForInspection(file)) {
            assertThat(log.chainProblem()).contains(chainBreaksAt(12));
            assertThatThrownBy(() -> log.replay(e -> { }))
                    .isInstanceOfSatisfying(RallyFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT))
                    .hasMessageStartingWith(file + ": stored event 12 (" + type + ") cannot be read")
                    .hasMessageContaining("restore it from a backup");
            assertThatThrownBy(log::rebuild).isInstanceOf(RallyFileException.class);
            assertThatThrownBy(() -> log.readAfter(10, 5)).isInstanceOf(RallyFileException.class)
                    .hasMessageContaining("stored event 12");
            assertThat(log.readAfter(0, 11)).hasSize(11);
        }
    }

    @Test
    void verify_payloadThatIsNotJson_reported() throws Exception {
        Path file = damaged("UPDATE events SET payload = '{\"rally_id\": ' WHERE sequence = 3");

        List<String> problems = verify(file).problems();
        assertThat(problems).hasSize(2).first().isEqualTo(chainBreaksAt(3));
        assertThat(problems.get(1)).startsWith("event 3 (" + events.get(2).type() + ") cannot be read: ")
                .contains("payload is not valid JSON");
    }

    @Test
    void verify_sectionColumnOrRallyEdited_reported() throws Exception {
        Path file = damaged("UPDATE events SET section_id = 'elsewhere' WHERE sequence = 8",
                "UPDATE events SET payload = json_set(payload, '$.rally_id', '" + RallyLogs.OTHER_RALLY
                        + "') WHERE sequence = 7");

        assertThat(verify(file).problems()).containsExactly(chainBreaksAt(7),
                "event 7 (CarArrived) belongs to rally " + RallyLogs.OTHER_RALLY + ", but the file holds rally "
                        + RallyLogs.RALLY,
                "event 8 (CarArrived): the section_id column says elsewhere but the event says " + RallyLogs.SECTION);
    }

    @Test
    void verify_triggersDropped_reported() throws Exception {
        Path file = Files.copy(original, folder.resolve("unguarded.rallylab"));
        FileFixtures.sql(file, "DROP TRIGGER events_append_only_delete");

        assertThat(verify(file).problems()).containsExactly("the schema was changed outside RallyLab: trigger"
                + " events_append_only_delete is missing");
    }
}
