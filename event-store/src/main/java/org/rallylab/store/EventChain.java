package org.rallylab.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hash chain that proves a log was not changed after it was written. Each event's hash is
 * SHA-256 of the previous event's hash (32 zero bytes before the first event) followed by the
 * event's canonical bytes: its type, a line feed, its timestamp in decimal, a line feed and its
 * payload exactly as stored (the wire-format JSON of its fields besides type and timestamp), all
 * in UTF-8. The last event's hash, the chain head, stands for the whole log: a changed byte in
 * any event, an event removed or two swapped, all give another head.
 *
 * <p>A rally file keeps every event's hash beside it (schema 4), and backups and exports carry
 * the head, so the copy can be checked against the log it came from.
 */
public final class EventChain {

    /** The hash before the first event. */
    private static final byte[] GENESIS = new byte[32];
    private static final byte LINE_FEED = '\n';

    private final MessageDigest sha;
    private byte[] head;

    /** A chain before the first event. */
    public EventChain() {
        this(GENESIS);
    }

    /** A chain that continues after an event whose hash is {@code head}. */
    public EventChain(byte[] head) {
        if (head.length != GENESIS.length) {
            throw new IllegalArgumentException("a chain hash has 32 bytes, not " + head.length);
        }
        this.head = head.clone();
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e); // every Java SE has it
        }
    }

    /** Adds an event; returns its hash, the new head. */
    public byte[] add(String type, long timestamp, String payloadJson) {
        return add(type, timestamp, payloadJson.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds an event whose payload is given as its UTF-8 bytes (as SQLite stores the text); returns its hash. */
    public byte[] add(String type, long timestamp, byte[] payloadUtf8) {
        sha.update(head);
        sha.update(type.getBytes(StandardCharsets.UTF_8));
        sha.update(LINE_FEED);
        sha.update(Long.toString(timestamp).getBytes(StandardCharsets.US_ASCII));
        sha.update(LINE_FEED);
        sha.update(payloadUtf8);
        head = sha.digest();
        return head.clone();
    }

    /** The hash of the last event added (32 zero bytes when none was). */
    public byte[] head() {
        return head.clone();
    }

    /** The head as 64 lowercase hex digits. */
    public String headHex() {
        return hex(head);
    }

    /** Whether the head is {@code hash}. */
    public boolean headIs(byte[] hash) {
        return hash != null && Arrays.equals(head, hash);
    }

    /** {@code hash} as 64 lowercase hex digits. */
    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
