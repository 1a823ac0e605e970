package org.rallylab.store.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.store.InvalidInputException;
import org.rallylab.store.RallyFile;

/**
 * Damaged and doctored backups: every one is refused with its reason, naming the file, and a
 * restore of it creates nothing. The doctored ones get their checksums computed again (by this
 * test, from the package's definition), so only the check under test can catch them.
 */
class BackupRefusalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    private static byte[] good;

    @TempDir
    Path folder;

    @BeforeAll
    static void writeOneRealBackup() throws Exception {
        Path stick = Files.createDirectories(shared.resolve("stick"));
        try (RallyFile file = BackupRallies.typical(shared.resolve("rally" + RallyFile.EXTENSION))) {
            good = Files.readAllBytes(BackupFiles.write(file, stick).file());
        }
    }

    /** Writes {@code bytes} as a backup, checks read and restore refuse it, and returns the reason. */
    private String refused(byte[] bytes) throws Exception {
        Path backup = folder.resolve(BackupFiles.FILE_NAME);
        Files.write(backup, bytes);
        Path target = folder.resolve("restored" + RallyFile.EXTENSION);
        InvalidInputException read = catchRefusal(() -> BackupFiles.read(backup));
        InvalidInputException restore = catchRefusal(() -> BackupFiles.restore(backup, target));
        assertThat(restore.getMessage()).isEqualTo(read.getMessage());
        assertThat(read.file()).isEqualTo(backup);
        assertThat(read.getMessage()).startsWith(BackupFiles.FILE_NAME + ": ");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).as("nothing created by the restore").containsExactly(backup);
        }
        return read.getMessage().substring(BackupFiles.FILE_NAME.length() + 2);
    }

    private interface Call {
        void run() throws Exception;
    }

    private static InvalidInputException catchRefusal(Call call) throws Exception {
        try {
            call.run();
        } catch (InvalidInputException e) {
            return e;
        }
        return fail("the backup was accepted");
    }

    private static ObjectNode parsed() throws Exception {
        return (ObjectNode) JSON.readTree(good);
    }

    private static ArrayNode events(ObjectNode root) {
        return (ArrayNode) root.get("events");
    }

    /** Computes both checksums again and numbers the events 1, 2, 3 … when {@code renumber}. */
    private static byte[] resealed(ObjectNode root, boolean renumber) throws Exception {
        ArrayNode events = events(root);
        if (renumber) {
            for (int i = 0; i < events.size(); i++) {
                ((ObjectNode) events.get(i)).put("client_event_id", i + 1);
            }
            root.put("event_count", events.size());
        }
        root.put("sha256", BackupRoundTripTest.sha256(JSON.writeValueAsBytes(events)));
        ObjectNode header = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!field.getKey().equals("events") && !field.getKey().equals("header_sha256")) {
                header.set(field.getKey(), field.getValue());
            }
        }
        root.put("header_sha256", BackupRoundTripTest.sha256(JSON.writeValueAsBytes(header)));
        return JSON.writeValueAsBytes(root);
    }

    @Test
    void resealed_untouchedBackup_isAccepted() throws Exception {
        Path backup = folder.resolve(BackupFiles.FILE_NAME);
        Files.write(backup, resealed(parsed(), true));
        assertThat(Files.readAllBytes(backup)).isEqualTo(good);
        assertThat(BackupFiles.read(backup).events()).hasSize(events(parsed()).size());
    }

    @Test
    void read_truncatedAtEvery1KiB_refusedAsCutShort() throws Exception {
        assertThat(good.length).isGreaterThan(20 * 1024);
        for (int length = 0; length < good.length; length += 1024) {
            String reason = refused(Arrays.copyOf(good, length));
            if (length == 0) {
                assertThat(reason).startsWith("is empty");
            } else {
                assertThat(reason).as("cut at %d bytes", length).startsWith("is not valid JSON (")
                        .contains("it was cut short or damaged");
            }
        }
        assertThat(refused(Arrays.copyOf(good, good.length - 1))).startsWith("is not valid JSON (");
    }

    @Test
    void read_200SeededByteFlips_everyOneRefused() throws Exception {
        Random random = new Random(20260215);
        Set<String> kinds = new java.util.TreeSet<>();
        for (int i = 0; i < 200; i++) {
            byte[] flipped = good.clone();
            int at = random.nextInt(flipped.length);
            flipped[at] = (byte) (flipped[at] ^ (1 + random.nextInt(255)));
            String reason = refused(flipped);
            kinds.add(reason.substring(0, Math.min(reason.length(), 24)));
        }
        assertThat(kinds).as("the flips are caught by several checks").hasSizeGreaterThan(2);
    }

    @Test
    void read_everyHeaderByteFlipped_refused() throws Exception {
        int eventsStart = new String(good, StandardCharsets.UTF_8).indexOf(",\"events\":[");
        assertThat(eventsStart).isPositive();
        for (int at = 0; at < eventsStart + 11; at++) {
            byte[] flipped = good.clone();
            flipped[at] = (byte) (flipped[at] ^ 0x01);
            refused(flipped);
        }
    }

    @Test
    void read_wrongSha256_refusedSayingTheFileWasChanged() throws Exception {
        ObjectNode root = parsed();
        String sha = root.get("sha256").asText();
        root.put("sha256", (sha.charAt(0) == '0' ? "1" : "0") + sha.substring(1));
        assertThat(refused(JSON.writeValueAsBytes(root))).isEqualTo("sha256 does not match the events: the file was"
                + " changed or damaged: use an older backup or the cloud copy");
    }

    @Test
    void read_eventChangedAndOnlyEventShaRecomputed_refusedByTheHeaderSha() throws Exception {
        ObjectNode root = parsed();
        ((ObjectNode) events(root).get(1)).put("timestamp", 42);
        root.put("sha256", BackupRoundTripTest.sha256(JSON.writeValueAsBytes(events(root))));
        assertThat(refused(JSON.writeValueAsBytes(root))).startsWith("header_sha256 does not match");
    }

    @Test
    void read_writerIdChanged_refusedByTheHeaderSha() throws Exception {
        ObjectNode root = parsed();
        root.put("writer_id", root.get("writer_id").asLong() + 1);
        assertThat(refused(JSON.writeValueAsBytes(root))).startsWith("header_sha256 does not match the rally's");
    }

    @Test
    void read_twoEventsSwapped_refusedNamingTheEventOutOfOrder() throws Exception {
        ObjectNode root = parsed();
        ArrayNode events = events(root);
        JsonNode fifth = events.get(4);
        events.set(4, events.get(5));
        events.set(5, fifth);
        assertThat(refused(resealed(root, false))).startsWith("event 5 in the file has client_event_id 6 where 5"
                + " belongs: events are out of order or missing");
    }

    @Test
    void read_eventMissing_refusedNamingIt() throws Exception {
        ObjectNode root = parsed();
        events(root).remove(9);
        root.put("event_count", events(root).size());
        assertThat(refused(resealed(root, false))).startsWith("event 10 in the file has client_event_id 11 where 10"
                + " belongs");
    }

    @Test
    void read_eventOfAnotherRallyInserted_refusedNamingIt() throws Exception {
        ObjectNode root = parsed();
        ObjectNode stranger = events(root).get(3).deepCopy();
        ((ObjectNode) stranger.get("payload")).put("rally_id", BackupRallies.OTHER_RALLY);
        events(root).insert(7, stranger);
        String type = stranger.get("type").asText();
        assertThat(refused(resealed(root, true))).startsWith("event 8 (" + type + ") belongs to rally "
                + BackupRallies.OTHER_RALLY + ", not to this backup's rally " + BackupRallies.RALLY
                + ": an event of another rally was mixed in");
    }

    @Test
    void read_eventCountOffByOne_refused() throws Exception {
        for (int delta : new int[] {-1, 1}) {
            ObjectNode root = parsed();
            int n = events(root).size();
            root.put("event_count", n + delta);
            assertThat(refused(resealed(root, false))).isEqualTo("event_count says " + (n + delta)
                    + " events but the file holds " + n + "; the file was changed or damaged: use an older"
                    + " backup or the cloud copy");
        }
    }

    @Test
    void read_version2_refusedSayingWhatThisRallyLabReads() throws Exception {
        ObjectNode root = parsed();
        root.put("version", 2);
        assertThat(refused(resealed(root, false))).isEqualTo("is backup version 2; this RallyLab reads version 1:"
                + " a newer RallyLab wrote it: update this RallyLab to restore it");
    }

    @Test
    void read_formatMissing_refusedAsNotABackup() throws Exception {
        ObjectNode root = parsed();
        root.remove("format");
        assertThat(refused(resealed(root, false))).startsWith("has no \"format\": it is not a RallyLab backup");
        root.put("format", "rallylab-roster");
        assertThat(refused(resealed(root, false))).isEqualTo("its format is \"rallylab-roster\", not"
                + " \"rallylab-backup\": it is not a RallyLab backup");
    }

    @Test
    void read_notJson_emptyOrNotAnObject_refused() throws Exception {
        assertThat(refused("Kub Kar Rally results\n".getBytes(StandardCharsets.UTF_8)))
                .startsWith("is not valid JSON (");
        assertThat(refused(new byte[0])).isEqualTo("is empty: the backup was never finished; use an older backup"
                + " or the cloud copy");
        assertThat(refused("  \n".getBytes(StandardCharsets.UTF_8))).startsWith("is not a RallyLab backup: it holds"
                + " nothing but blanks");
        assertThat(refused("[1,2]".getBytes(StandardCharsets.UTF_8))).startsWith("is not a RallyLab backup: it"
                + " holds a list");
        assertThat(refused(new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'})).startsWith("is not UTF-8 text"
                + " (byte 2 is not valid)");
    }

    @Test
    void read_firstEventNotRallyCreated_refused() throws Exception {
        ObjectNode root = parsed();
        events(root).remove(0);
        String type = events(root).get(0).get("type").asText();
        assertThat(refused(resealed(root, true))).startsWith("event 1 is " + type + ", not RallyCreated: a backup"
                + " starts with the rally's creation");
    }

    @Test
    void read_rallyIdNotAUuid_refused() throws Exception {
        ObjectNode root = parsed();
        root.put("rally_id", "rally-1");
        assertThat(refused(resealed(root, false))).startsWith("rally_id \"rally-1\" is not a rally id (a UUID");
    }

    @Test
    void read_rallyNameNotTheFoldsName_refused() throws Exception {
        ObjectNode root = parsed();
        root.put("rally_name", "Someone Else's Rally");
        assertThat(refused(resealed(root, false))).startsWith("rally_name \"Someone Else's Rally\" is not the name"
                + " the events give the rally (\"" + BackupRallies.RALLY_NAME + "\")");
    }

    @Test
    void read_eventThatDoesNotDecode_refusedNamingIt() throws Exception {
        ObjectNode root = parsed();
        ObjectNode event = (ObjectNode) events(root).get(2);
        ((ObjectNode) event.get("payload")).remove("section_id");
        String type = event.get("type").asText();
        assertThat(refused(resealed(root, false))).startsWith("event 3 (" + type + ") cannot be read: ");
    }

    @Test
    void read_pulledEventRepeated_refusedNamingBoth() throws Exception {
        ObjectNode root = parsed();
        List<JsonNode> pulled = events(root).findParents("server_id");
        assertThat(pulled).hasSizeGreaterThan(2);
        ((ObjectNode) pulled.get(1)).put("server_id", pulled.get(0).get("server_id").asLong());
        long first = pulled.get(0).get("client_event_id").asLong();
        long second = pulled.get(1).get("client_event_id").asLong();
        assertThat(refused(resealed(root, false))).contains("event " + second + " (")
                .contains("is server row " + BackupRallies.FIRST_SERVER_ID + " of " + BackupRallies.CLOUD
                        + ", like event " + first + ": a row is pulled once");
    }

    @Test
    void read_missingOrTooLargeFile_refused() throws Exception {
        Path missing = folder.resolve("gone").resolve(BackupFiles.FILE_NAME);
        assertThatThrownBy(() -> BackupFiles.read(missing)).isInstanceOf(InvalidInputException.class)
                .hasMessage(BackupFiles.FILE_NAME + ": does not exist: check that the stick is in and the folder and"
                        + " name are right");
        Path large = folder.resolve("large.json");
        try (var channel = java.nio.channels.FileChannel.open(large, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'{'}), BackupFileReader.MAX_BYTES); // sparse
        }
        assertThatThrownBy(() -> BackupFiles.read(large)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("large.json: is 200 MB, more than any backup (200 MB at most)");
        assertThatThrownBy(() -> BackupFiles.read(folder)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a folder, not a backup file");
    }

    @Test
    void read_unknownKeysInAnEvent_ignored() throws Exception {
        ObjectNode root = parsed();
        ((ObjectNode) events(root).get(1)).put("note", "written by a newer RallyLab");
        root.put("device", "laptop 2");
        Path backup = folder.resolve(BackupFiles.FILE_NAME);
        Files.write(backup, resealed(root, false));
        assertThat(BackupFiles.read(backup).events()).hasSize(events(root).size());
    }

    @Test
    void read_aSpecOnlyBackupAsAnotherRallyLabWritesIt_prettyPrinted_isAcceptedWithWriterZero() throws Exception {
        ObjectNode root = parsed();
        root.remove(List.of("writer_id", "sync_targets", "header_sha256"));
        ArrayNode events = events(root);
        for (JsonNode e : events) {
            ((ObjectNode) e).remove(List.of("source", "server_id"));
        }
        root.put("sha256", BackupRoundTripTest.sha256(JSON.writeValueAsBytes(events)));
        Path backup = folder.resolve(BackupFiles.FILE_NAME);
        Files.write(backup, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));

        Backup read = BackupFiles.read(backup);
        assertThat(read.writerId()).isZero();
        assertThat(read.syncTargets()).isEmpty();
        assertThat(read.events()).hasSize(events.size());
        BackupFiles.Restored restored = BackupFiles.restore(backup, folder.resolve("restored" + RallyFile.EXTENSION));
        try (RallyFile file = RallyFile.openReadOnly(restored.file())) {
            assertThat(file.sync().writerId()).isZero();
            assertThat(file.verify().problems()).isEmpty();
        }
    }

    @Test
    void read_oneOfOurOwnKeysMissing_refused() throws Exception {
        for (String key : List.of("writer_id", "sync_targets", "header_sha256")) {
            ObjectNode root = parsed();
            root.remove(key);
            assertThat(refused(JSON.writeValueAsBytes(root))).as(key).contains(key);
        }
    }
}
