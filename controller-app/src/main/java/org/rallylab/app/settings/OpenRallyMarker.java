package org.rallylab.app.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which rally the app has open, kept in {@value #FILE_NAME} in the RallyLab folder while it is
 * open and removed when it is closed properly. Finding it at start means the app was killed (or
 * the power went): the app reopens that rally where the log says it stopped.
 * {@code {"version":1,"path":"/…/spring.rallylab","track":"sim"}} ({@code track}: the
 * {@code --track} value, absent to look for a Pico).
 *
 * <p>Never fails the app: a marker that cannot be read or written is logged and ignored.
 */
public final class OpenRallyMarker {

    public static final String FILE_NAME = "open-rally.json";

    /** The open rally and the track option it was raced with (null: look for a Pico). */
    public record Open(Path path, String track) {
        public Open {
            Objects.requireNonNull(path, "path");
        }
    }

    private static final System.Logger LOG = System.getLogger(OpenRallyMarker.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public OpenRallyMarker(Path folder) {
        this.file = Objects.requireNonNull(folder, "folder").resolve(FILE_NAME);
    }

    /** The rally that was open when the app last stopped without closing it, if its file still exists. */
    public Optional<Open> leftOpen() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            JsonNode path = node == null ? null : node.get("path");
            if (path == null || !path.isTextual()) {
                return Optional.empty();
            }
            JsonNode track = node.get("track");
            Open open = new Open(Path.of(path.asText()), track != null && track.isTextual() ? track.asText() : null);
            return Files.isRegularFile(open.path()) ? Optional.of(open) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring unreadable " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Notes that {@code open} is open now. */
    public void opened(Open open) {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", 1);
        node.put("path", open.path().toAbsolutePath().toString());
        if (open.track() != null) {
            node.put("track", open.track());
        }
        try {
            Files.createDirectories(file.getParent());
            org.rallylab.store.AtomicFiles.replace(file, JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not write " + file + ": " + e.getMessage());
        }
    }

    /** Notes that the rally was closed properly. */
    public void closed() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete " + file + ": " + e.getMessage());
        }
    }
}
