package org.rallylab.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EntryCheck;
import org.rallylab.domain.event.EventFormatException;
import org.rallylab.domain.event.EventJson;
import org.rallylab.domain.state.RallyState;

/**
 * Import of a JSON Lines event log into a new rally file. Everything is checked before anything
 * is created: each line parses strictly and decodes, every event passes the {@link EntryCheck}
 * that guards every way into a rally file (limits; RallyCreated first; one rally; a start stages
 * its first heat, and the log does not end in the middle of one), the whole log folds, and when
 * the log ends with the closing line {@link RallyFile#exportJsonLines} writes, its event count
 * and chain head match the events (so a log changed after export is refused; remove that line
 * to import a log edited on purpose). Then the events go, in one transaction, into a hidden
 * temporary rally file beside the target, which is put in place: the target appears complete or
 * not at all.
 */
final class JsonLinesImport {

    /** The envelope key a line may carry (the store's sequence); it is dropped, the new file numbers afresh. */
    static final String ENVELOPE_KEY = "client_event_id";
    /** The closing line's one key: {@code {"export_end":{"event_count":N,"chain_head":"<64 hex>"}}}. */
    static final String CLOSING_KEY = "export_end";

    record Parsed(List<DomainEvent> events, long linesRead) {
    }

    /** The closing line of an export of {@code events} events whose chain ends in {@code chainHead}. */
    static String closingLine(long events, String chainHead) {
        return "{\"" + CLOSING_KEY + "\":{\"event_count\":" + events + ",\"chain_head\":\"" + chainHead + "\"}}";
    }

    private JsonLinesImport() {
    }

    static ImportSummary run(Path jsonl, Path target) throws InvalidInputException, RallyFileException {
        FileOps.refuseExisting(target);
        Parsed parsed = read(jsonl);
        return RallyFile.createAtomically(target, Schema.newWriterId(), file -> {
            List<StoredEvent> stored = file.append(parsed.events());
            return new ImportSummary(jsonl, target, stored.get(stored.size() - 1).sequence(), parsed.linesRead(),
                    file.rallyId());
        });
    }

    /** Reads and checks every line, then folds the whole log; creates nothing. */
    static Parsed read(Path jsonl) throws InvalidInputException {
        List<DomainEvent> events = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        EntryCheck entry = EntryCheck.newLog();
        JsonNode closing = null;
        long closingLine = 0;
        String rally = null;
        long rallyLine = 0;
        long linesRead;
        try (LineReader reader = new LineReader(jsonl, Files.newInputStream(jsonl))) {
            String text;
            while ((text = reader.next()) != null) {
                if (text.isBlank()) {
                    continue;
                }
                long n = reader.lineNumber();
                if (closing != null) {
                    throw InvalidInputException.atLine(jsonl, n, "comes after the closing line " + closingLine
                            + " (" + CLOSING_KEY + "): an export ends there; is this two files joined?");
                }
                JsonNode node = parse(jsonl, n, text);
                if (node.size() == 1 && node.has(CLOSING_KEY)) {
                    closing = node.get(CLOSING_KEY);
                    closingLine = n;
                    continue;
                }
                DomainEvent event = decode(jsonl, n, node);
                if (event.rallyId() != null) {
                    if (rally == null) {
                        rally = event.rallyId();
                        rallyLine = n;
                    } else if (!rally.equals(event.rallyId())) {
                        throw InvalidInputException.atLine(jsonl, n, event.type() + " belongs to rally "
                                + event.rallyId() + ", but line " + rallyLine + " names rally " + rally
                                + ": a rally file holds one rally");
                    }
                }
                try {
                    entry.admit(event);
                } catch (EventFormatException e) {
                    throw InvalidInputException.atLine(jsonl, n, e.getMessage());
                }
                events.add(event);
                lines.add(n);
            }
            linesRead = reader.lineNumber();
        } catch (NoSuchFileException e) {
            throw InvalidInputException.ofFile(jsonl, "does not exist: check the folder and the name", e);
        } catch (AccessDeniedException e) {
            throw InvalidInputException.ofFile(jsonl, "cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw InvalidInputException.ofFile(jsonl, "cannot be read: " + e, e);
        }
        if (events.isEmpty()) {
            throw InvalidInputException.ofFile(jsonl, "no events: the file is empty or holds only blank lines", null);
        }
        try {
            entry.finish();
        } catch (EventFormatException e) {
            throw InvalidInputException.ofFile(jsonl, e.getMessage(), e);
        }
        fold(jsonl, events, lines);
        if (closing != null) {
            checkClosing(jsonl, closingLine, closing, events);
        }
        return new Parsed(events, linesRead);
    }

    private static JsonNode parse(Path jsonl, long n, String text) throws InvalidInputException {
        try {
            JsonNode node = EventJson.parse(text);
            if (!node.isObject()) {
                throw InvalidInputException.atLine(jsonl, n, "a line holds one event, a JSON object like"
                        + " {\"type\": \"CarArrived\", ...}; got " + abbreviate(text));
            }
            return node;
        } catch (EventFormatException e) {
            throw InvalidInputException.atLine(jsonl, n, e.getMessage());
        }
    }

    private static DomainEvent decode(Path jsonl, long n, JsonNode node) throws InvalidInputException {
        try {
            ((ObjectNode) node).remove(ENVELOPE_KEY);
            return EventJson.read(node);
        } catch (EventFormatException e) {
            throw InvalidInputException.atLine(jsonl, n, e.getMessage());
        }
    }

    /** The closing line's count and chain head must be those of the events read (as they will be stored). */
    private static void checkClosing(Path jsonl, long line, JsonNode closing, List<DomainEvent> events)
            throws InvalidInputException {
        JsonNode count = closing.get("event_count");
        JsonNode head = closing.get("chain_head");
        if (count == null || !count.canConvertToLong() || head == null || !head.isTextual()) {
            throw InvalidInputException.atLine(jsonl, line, "the closing line must be {\"" + CLOSING_KEY
                    + "\":{\"event_count\":N,\"chain_head\":\"...\"}}; got " + abbreviate(closing.toString()));
        }
        if (count.longValue() != events.size()) {
            throw InvalidInputException.atLine(jsonl, line, "the export held " + count.longValue() + " events but "
                    + events.size() + " are here: lines were added or removed after it was exported");
        }
        EventChain chain = new EventChain();
        for (StoredEvent e : EventCodec.encode(events, 1)) {
            chain.add(e.type(), e.timestamp(), e.payloadJson());
        }
        if (!chain.headHex().equals(head.textValue())) {
            throw InvalidInputException.atLine(jsonl, line, "the events do not end in the export's chain head: the"
                    + " log was changed after it was exported. Import the original export, or remove this last line"
                    + " to import a log you edited on purpose");
        }
    }

    private static void fold(Path jsonl, List<DomainEvent> events, List<Long> lines) throws InvalidInputException {
        RallyState state = RallyState.empty();
        for (int i = 0; i < events.size(); i++) {
            try {
                state.apply(events.get(i));
            } catch (RuntimeException e) {
                throw InvalidInputException.atLine(jsonl, lines.get(i), events.get(i).type()
                        + " cannot be replayed after the lines before it: " + e);
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
