package org.rallylab.app.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rallylab.store.RallyFile;

/**
 * The rally files opened lately, most recent first (at most {@value #MAX}), for the start screen.
 * Kept in {@value #FILE_NAME} in the RallyLab folder:
 * {@code {"version":1,"rallies":[{"path":"/…/demo.rallylab","opened_at":"2026-02-14T09:00:00Z"}]}}.
 *
 * <p>Never fails the app: a settings file that cannot be read is moved aside to
 * {@code recent-rallies.json.bak} and the list starts over; a write that fails is logged and
 * forgotten. Writes go to a temporary file renamed into place, so a crash leaves the old list or
 * the new one. Not for concurrent use (the UI thread).
 */
public final class RecentRallies {

    public static final int MAX = 10;
    public static final String FILE_NAME = "recent-rallies.json";

    /** A rally file and when it was last opened. */
    public record Entry(Path path, Instant openedAt) {
        public Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(openedAt, "openedAt");
        }
    }

    private static final System.Logger LOG = System.getLogger(RecentRallies.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    private final Path file;
    private final Clock clock;

    /** The list kept in {@code folder} (created when first written). */
    public RecentRallies(Path folder, Clock clock) {
        this.file = Objects.requireNonNull(folder, "folder").resolve(FILE_NAME);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The list in {@link RallyFile#defaultFolder()}. */
    public static RecentRallies inDefaultFolder(Clock clock) {
        return new RecentRallies(RallyFile.defaultFolder(), clock);
    }

    /** The settings file. */
    public Path file() {
        return file;
    }

    /** Rally files opened lately, most recent first; files that no longer exist are dropped from the list. */
    public List<Entry> list() {
        List<Entry> all = read();
        List<Entry> present = all.stream().filter(e -> Files.isRegularFile(e.path())).toList();
        if (present.size() != all.size()) {
            write(present);
        }
        return present;
    }

    /** Puts {@code rallyFile} first (opened now); the oldest beyond {@value #MAX} are forgotten. */
    public void opened(Path rallyFile) {
        Path path = normal(rallyFile);
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(path, clock.instant()));
        for (Entry e : read()) {
            if (!e.path().equals(path) && entries.size() < MAX) {
                entries.add(e);
            }
        }
        write(entries);
    }

    /** Takes {@code rallyFile} off the list (the file itself is not touched). */
    public void forget(Path rallyFile) {
        Path path = normal(rallyFile);
        List<Entry> all = read();
        List<Entry> kept = all.stream().filter(e -> !e.path().equals(path)).toList();
        if (kept.size() != all.size()) {
            write(kept);
        }
    }

    private List<Entry> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root == null || !root.isObject() || !root.path("rallies").isArray()) {
                throw new IOException("it holds no \"rallies\" list");
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonNode node : root.get("rallies")) {
                if (!node.path("path").isTextual()) {
                    throw new IOException("an entry has no \"path\"");
                }
                Instant openedAt = node.path("opened_at").isTextual()
                        ? Instant.parse(node.get("opened_at").asText()) : Instant.EPOCH;
                Path path = normal(Path.of(node.get("path").asText()));
                if (entries.size() < MAX && entries.stream().noneMatch(e -> e.path().equals(path))) {
                    entries.add(new Entry(path, openedAt));
                }
            }
            return entries;
        } catch (IOException | InvalidPathException | DateTimeParseException e) {
            SettingsFiles.setAside(file, "list of recent rallies", e, "the list starts over");
            return List.of();
        }
    }

    private void write(List<Entry> entries) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ArrayNode rallies = root.putArray("rallies");
        for (Entry e : entries) {
            rallies.addObject().put("path", e.path().toString()).put("opened_at", e.openedAt().toString());
        }
        try {
            Files.createDirectories(file.getParent());
            org.rallylab.store.AtomicFiles.replace(file, (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                    + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not save the list of recent rallies to " + file + ": "
                    + e.getMessage());
        }
    }

    private static Path normal(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
