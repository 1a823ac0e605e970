package org.rallylab.store.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.rallylab.domain.event.EventJson;
import org.rallylab.store.RallyFile;
import org.rallylab.store.EventChain;
import org.rallylab.store.StoredEvent;
import org.rallylab.store.SyncLedger;

/**
 * The backup file's keys and its two checksums, and the encoding of a rally file's snapshot
 * (see the package description for the format). Writer and reader hash the same way: the
 * compact serialization of the parsed JSON, keys in file order.
 */
final class BackupFormat {

    static final String FORMAT = "rallylab-backup";
    static final int VERSION = 1;
    /** The largest writer id a rally file gives itself (2<sup>30</sup>); 0 is a file made before writer ids. */
    static final long MAX_WRITER_ID = 1L << 30;

    static final String K_FORMAT = "format";
    static final String K_VERSION = "version";
    static final String K_RALLY_ID = "rally_id";
    static final String K_RALLY_NAME = "rally_name";
    static final String K_WRITTEN_AT = "written_at";
    static final String K_EVENT_COUNT = "event_count";
    static final String K_SHA256 = "sha256";
    static final String K_WRITER_ID = "writer_id";
    static final String K_SYNC_TARGETS = "sync_targets";
    static final String K_HEADER_SHA256 = "header_sha256";
    static final String K_CHAIN_HEAD = "chain_head";
    static final String K_EVENTS = "events";

    static final String E_ID = "client_event_id";
    static final String E_TYPE = "type";
    static final String E_TIMESTAMP = "timestamp";
    static final String E_PAYLOAD = "payload";
    static final String E_SOURCE = "source";
    static final String E_SERVER_ID = "server_id";

    /** The header keys left out of {@code header_sha256}. */
    private static final Set<String> NOT_IN_HEADER = Set.of(K_EVENTS, K_HEADER_SHA256);

    static final ObjectMapper JSON = EventJson.mapper();

    private BackupFormat() {
    }

    /**
     * The bytes of a backup of {@code snapshot}, whose fold names the rally {@code rallyId}
     * {@code rallyName}, written at {@code at}. The document is compact (no whitespace), so every
     * byte of it is covered by one of the checksums.
     */
    static byte[] encode(RallyFile.Snapshot snapshot, String rallyId, String rallyName, Instant at) {
        Map<Long, SyncLedger.RemoteMark> remote = new HashMap<>();
        snapshot.remote().forEach(mark -> remote.put(mark.sequence(), mark));
        ArrayNode events = JSON.createArrayNode();
        for (StoredEvent stored : snapshot.events()) {
            ObjectNode event = events.addObject();
            event.put(E_ID, stored.sequence());
            event.put(E_TYPE, stored.type());
            event.put(E_TIMESTAMP, stored.timestamp());
            event.set(E_PAYLOAD, parse(stored.payloadJson()));
            SyncLedger.RemoteMark mark = remote.get(stored.sequence());
            if (mark != null) {
                event.put(E_SOURCE, mark.source());
                event.put(E_SERVER_ID, mark.serverId());
            }
        }
        byte[] eventBytes = compact(events);
        ObjectNode header = JSON.createObjectNode();
        header.put(K_FORMAT, FORMAT);
        header.put(K_VERSION, VERSION);
        header.put(K_RALLY_ID, rallyId);
        header.put(K_RALLY_NAME, rallyName);
        header.put(K_WRITTEN_AT, at.toEpochMilli());
        header.put(K_EVENT_COUNT, snapshot.events().size());
        header.put(K_SHA256, sha256(eventBytes));
        header.put(K_WRITER_ID, snapshot.writerId());
        ArrayNode targets = header.putArray(K_SYNC_TARGETS);
        snapshot.syncTargets().forEach(targets::add);
        header.put(K_CHAIN_HEAD, snapshot.chainHead());
        header.put(K_HEADER_SHA256, sha256(compact(header)));
        byte[] headerBytes = compact(header);
        byte[] key = (",\"" + K_EVENTS + "\":").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] document = new byte[headerBytes.length - 1 + key.length + eventBytes.length + 1];
        System.arraycopy(headerBytes, 0, document, 0, headerBytes.length - 1); // without the closing brace
        System.arraycopy(key, 0, document, headerBytes.length - 1, key.length);
        System.arraycopy(eventBytes, 0, document, headerBytes.length - 1 + key.length, eventBytes.length);
        document[document.length - 1] = '}';
        return document;
    }

    /**
     * The head of the {@link EventChain} over a backup's {@code events}: each event's type,
     * timestamp and payload (compact JSON, keys in file order: the payload as the rally file
     * stored it).
     */
    static String chainHead(JsonNode events) {
        EventChain chain = new EventChain();
        for (JsonNode event : events) {
            chain.add(event.get(E_TYPE).textValue(), event.get(E_TIMESTAMP).longValue(),
                    new String(compact(event.get(E_PAYLOAD)), java.nio.charset.StandardCharsets.UTF_8));
        }
        return chain.headHex();
    }

    /** The document's header: every top-level key but {@code events} and {@code header_sha256}, in file order. */
    static ObjectNode header(ObjectNode root) {
        ObjectNode header = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!NOT_IN_HEADER.contains(field.getKey())) {
                header.set(field.getKey(), field.getValue());
            }
        }
        return header;
    }

    /** The compact UTF-8 serialization of {@code node}, keys in their order (what JSON.stringify gives). */
    static byte[] compact(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of plain JSON values always serializes
        }
    }

    /** The text of a JSON string's content (between its quotes), its escapes undone; as is when it does not parse. */
    static String unescaped(String content) {
        try {
            return JSON.readValue("\"" + content + "\"", String.class);
        } catch (JsonProcessingException e) {
            return content;
        }
    }

    /** Lowercase hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e); // every Java SE has it
        }
    }

    private static JsonNode parse(String payloadJson) {
        try {
            return JSON.readTree(payloadJson);
        } catch (JsonProcessingException e) {
            // the rally file decoded this payload a moment ago, so it is JSON
            throw new IllegalStateException("a stored payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
