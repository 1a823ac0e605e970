package org.rallylab.store.backup;

import static org.rallylab.store.backup.BackupFormat.E_ID;
import static org.rallylab.store.backup.BackupFormat.E_PAYLOAD;
import static org.rallylab.store.backup.BackupFormat.E_SERVER_ID;
import static org.rallylab.store.backup.BackupFormat.E_SOURCE;
import static org.rallylab.store.backup.BackupFormat.E_TIMESTAMP;
import static org.rallylab.store.backup.BackupFormat.E_TYPE;
import static org.rallylab.store.backup.BackupFormat.K_CHAIN_HEAD;
import static org.rallylab.store.backup.BackupFormat.K_EVENTS;
import static org.rallylab.store.backup.BackupFormat.K_EVENT_COUNT;
import static org.rallylab.store.backup.BackupFormat.K_FORMAT;
import static org.rallylab.store.backup.BackupFormat.K_HEADER_SHA256;
import static org.rallylab.store.backup.BackupFormat.K_RALLY_ID;
import static org.rallylab.store.backup.BackupFormat.K_RALLY_NAME;
import static org.rallylab.store.backup.BackupFormat.K_SHA256;
import static org.rallylab.store.backup.BackupFormat.K_SYNC_TARGETS;
import static org.rallylab.store.backup.BackupFormat.K_VERSION;
import static org.rallylab.store.backup.BackupFormat.K_WRITER_ID;
import static org.rallylab.store.backup.BackupFormat.K_WRITTEN_AT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventFormatException;
import org.rallylab.domain.event.EventJson;
import org.rallylab.domain.event.RallyCreated;
import org.rallylab.domain.state.RallyState;

/**
 * Checks a parsed backup completely and turns it into a {@link Backup}: the header's keys and
 * values, both checksums, then every event (its place, its fields, that it decodes and belongs to
 * the rally), then the fold. The first problem found is thrown as a {@link Refusal}.
 */
final class BackupReader {

    static final String DAMAGED = "the file was changed or damaged: use an older backup or the cloud copy";
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** A check the backup failed; the message says which, in plain words. */
    static final class Refusal extends Exception {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    private BackupReader() {
    }

    static Backup read(JsonNode parsed) throws Refusal {
        if (!parsed.isObject()) {
            throw new Refusal("is not a RallyLab backup: it holds " + kind(parsed) + ", not a JSON object like"
                    + " {\"format\": \"rallylab-backup\", ...}");
        }
        ObjectNode root = (ObjectNode) parsed;
        formatAndVersion(root);
        String rallyId = text(root, K_RALLY_ID);
        if (!UUID.matcher(rallyId).matches()) {
            throw new Refusal("rally_id \"" + rallyId + "\" is not a rally id (a UUID like"
                    + " 8d4c5a2e-0d6b-4c55-9a0e-6f1d2b3c4d5e); " + DAMAGED);
        }
        String rallyName = text(root, K_RALLY_NAME);
        long writtenAt = whole(root, K_WRITTEN_AT, 0, Long.MAX_VALUE);
        long eventCount = whole(root, K_EVENT_COUNT, 1, Integer.MAX_VALUE);
        String sha = sha(root, K_SHA256);
        // RallyLab desktop's own keys come together; a backup with none of them (the common keys only, as
        // another RallyLab writes it) is read too: its events keep plain sequence numbers (writer 0).
        boolean desktop = root.has(K_WRITER_ID) || root.has(K_SYNC_TARGETS) || root.has(K_HEADER_SHA256);
        long writerId = desktop ? whole(root, K_WRITER_ID, 0, BackupFormat.MAX_WRITER_ID) : 0;
        List<String> syncTargets = desktop ? syncTargets(root) : List.of();
        String headerSha = desktop ? sha(root, K_HEADER_SHA256) : null;
        JsonNode events = root.get(K_EVENTS);
        if (events == null || !events.isArray()) {
            throw new Refusal("has no \"events\" list; " + DAMAGED);
        }
        if (events.size() != eventCount) {
            throw new Refusal("event_count says " + eventCount + " events but the file holds " + events.size()
                    + "; " + DAMAGED);
        }
        if (!sha.equals(BackupFormat.sha256(BackupFormat.compact(events)))) {
            throw new Refusal("sha256 does not match the events: " + DAMAGED);
        }
        if (headerSha != null
                && !headerSha.equals(BackupFormat.sha256(BackupFormat.compact(BackupFormat.header(root))))) {
            throw new Refusal("header_sha256 does not match the rally's details (rally_id to sync_targets): "
                    + DAMAGED);
        }
        String chainHead = root.has(K_CHAIN_HEAD) ? sha(root, K_CHAIN_HEAD) : null;
        List<BackupEvent> backupEvents = events(events, rallyId);
        if (chainHead != null && !chainHead.equals(BackupFormat.chainHead(events))) {
            throw new Refusal("chain_head does not match the events' hash chain: " + DAMAGED);
        }
        String foldedName = fold(backupEvents).rallyName();
        if (!foldedName.equals(rallyName)) {
            throw new Refusal("rally_name \"" + rallyName + "\" is not the name the events give the rally (\""
                    + foldedName + "\"); " + DAMAGED);
        }
        return new Backup(rallyId, rallyName, Instant.ofEpochMilli(writtenAt), writerId, syncTargets, backupEvents,
                chainHead);
    }

    private static void formatAndVersion(ObjectNode root) throws Refusal {
        JsonNode format = root.get(K_FORMAT);
        if (format == null || format.isNull()) {
            throw new Refusal("has no \"format\": it is not a RallyLab backup (those start with"
                    + " {\"format\":\"rallylab-backup\", ...})");
        }
        if (!format.isTextual() || !format.textValue().equals(BackupFormat.FORMAT)) {
            throw new Refusal("its format is " + format + ", not \"" + BackupFormat.FORMAT + "\": it is not a"
                    + " RallyLab backup");
        }
        JsonNode version = root.get(K_VERSION);
        if (version == null || version.isNull()) {
            throw new Refusal("has no \"version\"; this RallyLab reads backup version " + BackupFormat.VERSION
                    + "; " + DAMAGED);
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new Refusal("version must be a whole number, got " + version + "; " + DAMAGED);
        }
        int v = version.intValue();
        if (v != BackupFormat.VERSION) {
            String advice = v > BackupFormat.VERSION ? "a newer RallyLab wrote it: update this RallyLab to restore it"
                    : DAMAGED;
            throw new Refusal("is backup version " + v + "; this RallyLab reads version " + BackupFormat.VERSION
                    + ": " + advice);
        }
    }

    private static List<String> syncTargets(ObjectNode root) throws Refusal {
        JsonNode targets = root.get(K_SYNC_TARGETS);
        if (targets == null || !targets.isArray()) {
            throw new Refusal("has no \"sync_targets\" list; " + DAMAGED);
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode target : targets) {
            if (!target.isTextual() || target.textValue().isBlank() || !names.add(target.textValue())) {
                throw new Refusal("sync_targets holds " + target + ", which is blank, not text or repeated; "
                        + DAMAGED);
            }
        }
        return List.copyOf(names);
    }

    /** Checks every event's place and fields, decodes it, and checks it belongs to {@code rallyId}. */
    private static List<BackupEvent> events(JsonNode events, String rallyId) throws Refusal {
        List<BackupEvent> all = new ArrayList<>(events.size());
        Map<String, Long> serverRows = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            long n = i + 1L;
            JsonNode node = events.get(i);
            String where = "event " + n;
            if (!node.isObject()) {
                throw new Refusal(where + " is " + kind(node) + ", not a JSON object; " + DAMAGED);
            }
            long id = whole((ObjectNode) node, E_ID, where, 1, Long.MAX_VALUE);
            if (id != n) {
                throw new Refusal(where + " in the file has client_event_id " + id + " where " + n + " belongs:"
                        + " events are out of order or missing; " + DAMAGED);
            }
            String type = text((ObjectNode) node, E_TYPE, where);
            where = "event " + n + " (" + type + ")";
            long timestamp = whole((ObjectNode) node, E_TIMESTAMP, where, 0, Long.MAX_VALUE);
            JsonNode payload = node.get(E_PAYLOAD);
            if (payload == null || !payload.isObject()) {
                throw new Refusal(where + " has no payload object; " + DAMAGED);
            }
            DomainEvent event;
            try {
                event = EventJson.read(type, timestamp, payload);
            } catch (EventFormatException e) {
                throw new Refusal(where + " cannot be read: " + e.getMessage() + "; " + DAMAGED);
            }
            if (event.rallyId() != null && !event.rallyId().equals(rallyId)) {
                throw new Refusal(where + " belongs to rally " + event.rallyId() + ", not to this backup's rally "
                        + rallyId + ": an event of another rally was mixed in; " + DAMAGED);
            }
            if (i == 0 && !(event instanceof RallyCreated)) {
                throw new Refusal("event 1 is " + type + ", not RallyCreated: a backup starts with the rally's"
                        + " creation; " + DAMAGED);
            }
            all.add(pulled((ObjectNode) node, n, where, event, serverRows));
        }
        return all;
    }

    private static BackupEvent pulled(ObjectNode node, long n, String where, DomainEvent event,
                                      Map<String, Long> serverRows) throws Refusal {
        JsonNode source = node.get(E_SOURCE);
        JsonNode serverId = node.get(E_SERVER_ID);
        if (source == null && serverId == null) {
            return BackupEvent.own(n, event);
        }
        if (source == null || serverId == null) {
            throw new Refusal(where + " has " + (source == null ? "a server_id but no source" : "a source but no"
                    + " server_id") + ": a pulled event has both; " + DAMAGED);
        }
        if (!source.isTextual() || source.textValue().isBlank()) {
            throw new Refusal(where + ": source must name a server, got " + source + "; " + DAMAGED);
        }
        long row = whole(node, E_SERVER_ID, where, 1, Long.MAX_VALUE);
        Long earlier = serverRows.putIfAbsent(source.textValue() + "\n" + row, n);
        if (earlier != null) {
            throw new Refusal(where + " is server row " + row + " of " + source.textValue() + ", like event "
                    + earlier + ": a row is pulled once; " + DAMAGED);
        }
        return new BackupEvent(n, event, source.textValue(), row);
    }

    /** The reader's and the writer's one check of the log ({@link BackupLog}). */
    private static RallyState fold(List<BackupEvent> events) throws Refusal {
        List<DomainEvent> domain = new ArrayList<>(events.size());
        events.forEach(e -> domain.add(e.event()));
        try {
            return BackupLog.check(domain);
        } catch (BackupLog.Problem problem) {
            throw new Refusal(problem.getMessage() + "; " + DAMAGED);
        }
    }

    private static String text(ObjectNode node, String key) throws Refusal {
        return text(node, key, null);
    }

    private static String text(ObjectNode node, String key, String where) throws Refusal {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || (where != null && value.textValue().isBlank())) {
            throw new Refusal(prefix(where) + (value == null ? "has no \"" + key + "\""
                    : "\"" + key + "\" must be text, got " + value) + "; " + DAMAGED);
        }
        return value.textValue();
    }

    private static long whole(ObjectNode node, String key, long min, long max) throws Refusal {
        return whole(node, key, null, min, max);
    }

    private static long whole(ObjectNode node, String key, String where, long min, long max) throws Refusal {
        JsonNode value = node.get(key);
        if (value == null) {
            throw new Refusal(prefix(where) + "has no \"" + key + "\"; " + DAMAGED);
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min
                || value.longValue() > max) {
            throw new Refusal(prefix(where) + "\"" + key + "\" must be a whole number from " + min
                    + (max == Long.MAX_VALUE ? "" : " to " + max) + ", got " + value + "; " + DAMAGED);
        }
        return value.longValue();
    }

    private static String sha(ObjectNode root, String key) throws Refusal {
        String value = text(root, key);
        if (!SHA256.matcher(value).matches()) {
            throw new Refusal("\"" + key + "\" must be 64 lowercase hex digits, got \"" + value + "\"; " + DAMAGED);
        }
        return value;
    }

    private static String prefix(String where) {
        return where == null ? "" : where + " ";
    }

    private static String kind(JsonNode node) {
        if (node.isMissingNode()) {
            return "nothing but blanks";
        }
        return node.isArray() ? "a list" : node.isTextual() ? "a string" : node.isNumber() ? "a number"
                : node.isBoolean() ? "true or false" : node.isNull() ? "null" : "a JSON value";
    }
}
