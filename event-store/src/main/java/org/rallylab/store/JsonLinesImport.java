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
import java.util.Optional;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventFormatException;
import org.rallylab.domain.event.EventJson;
import org.rallylab.domain.state.RallyState;
import org.rallylab.store.RallyFileException.Reason;

/**
 * Import of a JSON Lines event log into a new rally file. Everything is checked before anything
 * is created: each line parses strictly and decodes, the log names one rally, and the whole log
 * folds. Then the events go, in one transaction, into a hidden temporary rally file beside the
 * target, which is renamed into place: the target appears complete or not at all.
 */
final class JsonLinesImport {

    /** The envelope key a line may carry (the store's sequence); it is dropped, the new file numbers afresh. */
    static final String ENVELOPE_KEY = "client_event_id";

    record Parsed(List<DomainEvent> events, long linesRead) {
    }

    private JsonLinesImport() {
    }

    static ImportSummary run(Path jsonl, Path target) throws InvalidInputException, RallyFileException {
        FileOps.refuseExisting(target);
        Parsed parsed = read(jsonl);
        FileOps.createFolder(target);
        WriterLock lock = WriterLock.acquire(target);
        Path temp = target.resolveSibling("." + target.getFileName() + ".importing");
        try {
            FileOps.refuseExisting(target);
            FileOps.deleteWithSidecars(temp); // left by an import that crashed; we hold the target's lock
            Optional<String> rally;
            long last;
            try (RallyFile file = RallyFile.create(temp)) {
                List<StoredEvent> stored = file.append(parsed.events());
                last = stored.get(stored.size() - 1).sequence();
                rally = file.rallyId();
            }
            FileOps.moveIntoPlace(temp, target);
            return new ImportSummary(jsonl, target, last, parsed.linesRead(), rally);
        } catch (RallyFileException | RuntimeException e) {
            FileOps.deleteWithSidecars(temp);
            throw e;
        } finally {
            lock.close();
        }
    }

    /** Reads and checks every line, then folds the whole log; creates nothing. */
    static Parsed read(Path jsonl) throws InvalidInputException {
        List<DomainEvent> events = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
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
                DomainEvent event = decode(jsonl, n, text);
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
        fold(jsonl, events, lines);
        return new Parsed(events, linesRead);
    }

    private static DomainEvent decode(Path jsonl, long n, String text) throws InvalidInputException {
        try {
            JsonNode node = EventJson.parse(text);
            if (!node.isObject()) {
                throw InvalidInputException.atLine(jsonl, n, "a line holds one event, a JSON object like"
                        + " {\"type\": \"CarArrived\", ...}; got " + abbreviate(text));
            }
            ((ObjectNode) node).remove(ENVELOPE_KEY);
            return EventJson.read(node);
        } catch (EventFormatException e) {
            throw InvalidInputException.atLine(jsonl, n, e.getMessage());
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
