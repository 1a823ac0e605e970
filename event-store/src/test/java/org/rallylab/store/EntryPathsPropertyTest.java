package org.rallylab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EntryCheck;
import org.rallylab.domain.event.EventFormatException;
import org.rallylab.domain.event.EventJson;
import org.rallylab.domain.event.HeatStaged;
import org.rallylab.domain.event.SectionStarted;
import org.rallylab.store.RallyFileException.Reason;
import org.rallylab.store.backup.BackupFiles;

/**
 * Issue 11, "a backup that cannot be restored": an event with {@code "timestamp": -1} came in
 * through {@code import-log} or a cloud pull, was backed up with success reported, and the backup
 * was then refused. Every way into a rally file now applies the one {@link EntryCheck}, the same
 * the backup reader applies. Random logs, sound ones and ones with one fault each, go through
 * every path: appends one by one and in batches, {@code import-log}, cloud pulls page by page.
 * All paths agree on where a log is refused, nothing of a refused append is stored, and every
 * log a file accepted is backed up, restored and exported to an equal state.
 */
class EntryPathsPropertyTest {

    private static final String SOURCE = "supabase:https://pull.example.supabase.co";

    @TempDir
    Path folder;

    private int made;

    private Path fresh(String what) {
        return folder.resolve(what + "-" + made++ + RallyFile.EXTENSION);
    }

    @Test
    void everyEntryPath_randomLogs_agreeAndWhatIsAcceptedRestoresEqual() throws Exception {
        Random random = new Random(2026_11);
        int faulty = 0;
        for (int round = 0; round < 40; round++) {
            List<DomainEvent> log = new ArrayList<>(RallyLogs.rally(1 + random.nextInt(2), 4 + random.nextInt(4),
                    2 + random.nextInt(3), random.nextLong()));
            Fault fault = round % 4 == 0 ? Fault.NONE : Fault.values()[1 + random.nextInt(Fault.values().length - 1)];
            fault.apply(log, random);
            int refusedAt = firstRefused(log);
            boolean wholeLogSound = refusedAt < 0 && endsWell(log);
            if (fault != Fault.NONE) {
                assertThat(refusedAt >= 0 || !wholeLogSound).as("round %d: fault %s is caught", round, fault).isTrue();
                faulty++;
            }

            Path oneByOne = appendOneByOne(log, refusedAt, round);
            Path batches = appendInBatches(log, refusedAt, random, round);
            Path pulled = pullInPages(log, refusedAt, random, round);
            importLog(log, wholeLogSound, round);
            for (Path file : List.of(oneByOne, batches, pulled)) {
                backUpRestoreAndExport(file, round);
            }
        }
        assertThat(faulty).isGreaterThan(20);
    }

    /** The index of the first event the one check refuses, or -1. */
    private static int firstRefused(List<DomainEvent> log) {
        EntryCheck check = EntryCheck.newLog();
        for (int i = 0; i < log.size(); i++) {
            try {
                check.admit(log.get(i));
            } catch (EventFormatException e) {
                return i;
            }
        }
        return -1;
    }

    private static boolean endsWell(List<DomainEvent> log) {
        EntryCheck check = EntryCheck.newLog();
        try {
            check.admit(log);
            check.finish();
            return true;
        } catch (EventFormatException e) {
            return false;
        }
    }

    private Path appendOneByOne(List<DomainEvent> log, int refusedAt, int round) throws Exception {
        Path file = fresh("one");
        try (RallyFile rally = RallyFile.create(file)) {
            for (int i = 0; i < log.size(); i++) {
                DomainEvent event = log.get(i);
                if (i == refusedAt) {
                    assertThatThrownBy(() -> rally.append(event)).as("round %d, event %d", round, i + 1)
                            .isInstanceOfSatisfying(RallyFileException.class,
                                    e -> assertThat(e.reason()).isIn(Reason.REFUSED, Reason.WRONG_RALLY));
                    assertThat(rally.lastSequence()).isEqualTo(i);
                    break;
                }
                rally.append(event);
            }
        }
        return file;
    }

    private Path appendInBatches(List<DomainEvent> log, int refusedAt, Random random, int round) throws Exception {
        Path file = fresh("batches");
        try (RallyFile rally = RallyFile.create(file)) {
            int start = 0;
            while (start < log.size()) {
                int end = Math.min(log.size(), start + 1 + random.nextInt(7));
                List<DomainEvent> batch = log.subList(start, end);
                if (refusedAt >= start && refusedAt < end) {
                    int before = start;
                    assertThatThrownBy(() -> rally.append(batch)).as("round %d, batch from %d", round, start + 1)
                            .isInstanceOf(RallyFileException.class);
                    assertThat(rally.lastSequence()).as("nothing of a refused batch").isEqualTo(before);
                    break;
                }
                rally.append(batch);
                start = end;
            }
        }
        return file;
    }

    private Path pullInPages(List<DomainEvent> log, int refusedAt, Random random, int round) throws Exception {
        Path file = fresh("pulled");
        try (RallyFile rally = RallyFile.create(file)) {
            int start = 0;
            while (start < log.size()) {
                int end = Math.min(log.size(), start + 1 + random.nextInt(20));
                List<RemoteEvent> page = new ArrayList<>();
                for (int i = start; i < end; i++) {
                    page.add(new RemoteEvent(1000 + i, log.get(i)));
                }
                if (refusedAt >= start && refusedAt < end) {
                    long cursor = rally.sync().pullCursor(SOURCE);
                    assertThatThrownBy(() -> rally.sync().appendFromServer(SOURCE, page, 1000L + end - 1))
                            .as("round %d, page from %d", round, start + 1).isInstanceOf(RallyFileException.class);
                    assertThat(rally.lastSequence()).isEqualTo(start);
                    assertThat(rally.sync().pullCursor(SOURCE)).as("the cursor stays").isEqualTo(cursor);
                    break;
                }
                rally.sync().appendFromServer(SOURCE, page, 1000L + end - 1);
                start = end;
            }
        }
        return file;
    }

    private void importLog(List<DomainEvent> log, boolean sound, int round) throws Exception {
        StringBuilder lines = new StringBuilder();
        log.forEach(e -> lines.append(EventJson.write(e)).append('\n'));
        Path jsonl = Files.writeString(folder.resolve("log-" + round + ".jsonl"), lines);
        Path target = fresh("imported");
        if (sound) {
            RallyFile.importJsonLines(jsonl, target);
            try (RallyFile imported = RallyFile.openReadOnly(target)) {
                assertThat(imported.lastSequence()).isEqualTo(log.size());
            }
        } else {
            assertThatThrownBy(() -> RallyFile.importJsonLines(jsonl, target)).as("round %d", round)
                    .isInstanceOf(InvalidInputException.class);
            assertThat(target).doesNotExist();
        }
    }

    private void backUpRestoreAndExport(Path file, int round) throws Exception {
        try (RallyFile rally = RallyFile.openForWriting(file)) {
            if (rally.lastSequence() == 0) {
                return;
            }
            Path stick = Files.createDirectories(folder.resolve("stick-" + made++));
            BackupFiles.write(rally, stick);
            Path restored = fresh("restored");
            BackupFiles.restore(stick.resolve(BackupFiles.FILE_NAME), restored);
            StringWriter export = new StringWriter();
            rally.exportJsonLines(export);
            Path jsonl = Files.writeString(folder.resolve("export-" + made++ + ".jsonl"), export.toString());
            Path reimported = fresh("reimported");
            boolean whole = endsWell(eventsOf(rally));
            if (whole) {
                RallyFile.importJsonLines(jsonl, reimported);
            }
            try (RallyFile back = RallyFile.openReadOnly(restored)) {
                assertThat(back.rebuild()).as("round %d: restored from the backup", round).isEqualTo(rally.rebuild());
                assertThat(back.chainHead()).isEqualTo(rally.chainHead());
            }
            if (whole) {
                try (RallyFile back = RallyFile.openReadOnly(reimported)) {
                    assertThat(back.rebuild()).as("round %d: imported from the export", round).isEqualTo(rally.rebuild());
                }
            }
        }
    }

    private static List<DomainEvent> eventsOf(RallyFile rally) throws RallyFileException {
        List<DomainEvent> events = new ArrayList<>();
        rally.replay(e -> events.add(e.event()));
        return events;
    }

    /** One fault put into a sound log. */
    private enum Fault {
        NONE {
            @Override
            void apply(List<DomainEvent> log, Random random) {
            }
        },
        NEGATIVE_TIMESTAMP {
            @Override
            void apply(List<DomainEvent> log, Random random) throws EventFormatException {
                edit(log, random.nextInt(log.size()), node -> node.put("timestamp", -1));
            }
        },
        NAME_TOO_LONG {
            @Override
            void apply(List<DomainEvent> log, Random random) throws EventFormatException {
                edit(log, 1, node -> node.put("section_name", "Ü".repeat(101)));
            }
        },
        IMPOSSIBLE_DATE {
            @Override
            void apply(List<DomainEvent> log, Random random) throws EventFormatException {
                edit(log, 0, node -> node.put("rally_date", "2026-02-31"));
            }
        },
        ENDLESS_TIME {
            @Override
            void apply(List<DomainEvent> log, Random random) throws EventFormatException {
                int race = indexOf(log, "RaceCompleted", random);
                edit(log, race, node -> ((ObjectNode) node.get("times_ms")).put("1", 1L << 62));
            }
        },
        NO_RALLY_CREATED {
            @Override
            void apply(List<DomainEvent> log, Random random) {
                log.remove(0);
            }
        },
        START_WITHOUT_HEAT {
            @Override
            void apply(List<DomainEvent> log, Random random) {
                int start = indexOf(log, SectionStarted.TYPE, random);
                if (random.nextBoolean()) {
                    log.subList(start + 1, log.size()).clear(); // the log ends in the middle of the start
                } else {
                    assertThat(log.get(start + 1)).isInstanceOf(HeatStaged.class);
                    log.remove(start + 1);
                }
            }
        },
        ANOTHER_RALLY {
            @Override
            void apply(List<DomainEvent> log, Random random) throws EventFormatException {
                edit(log, 1 + random.nextInt(log.size() - 1), node -> node.put("rally_id", RallyLogs.OTHER_RALLY));
            }
        },
        NAME_WITH_ESCAPE {
            @Override
            void apply(List<DomainEvent> log, Random random) throws EventFormatException {
                edit(log, 0, node -> node.put("rally_name", "Rally \u001b]0;pwned\u0007"));
            }
        };

        abstract void apply(List<DomainEvent> log, Random random) throws EventFormatException;

        static int indexOf(List<DomainEvent> log, String type, Random random) {
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i < log.size(); i++) {
                if (log.get(i).type().equals(type)) {
                    found.add(i);
                }
            }
            return found.get(random.nextInt(found.size()));
        }

        static void edit(List<DomainEvent> log, int index, java.util.function.Consumer<ObjectNode> change)
                throws EventFormatException {
            ObjectNode node = EventJson.toNode(log.get(index));
            change.accept(node);
            log.set(index, EventJson.read(node));
        }
    }
}
