package org.rallylab.sync.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.rallylab.domain.event.EventJson;

/**
 * Keeps the signed-in session in one small JSON settings file that only the user can read:
 * on systems with POSIX permissions the file is created {@code rw-------} before a byte is
 * written (elsewhere it inherits the user's profile folder's access). A save writes a
 * temporary file beside it and renames it over the old one, so a crash leaves the old
 * session or the new one. The tokens are never logged; {@link #toString()} shows only the path.
 */
public final class TokenStore {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final ObjectMapper MAPPER = EventJson.mapper();

    private final Path file;

    public TokenStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    /** Saves {@code session}, replacing any saved one. */
    public synchronized void save(CloudSession session) throws IOException {
        ObjectNode json = MAPPER.createObjectNode()
                .put("format", "rallylab-cloud-session")
                .put("version", 1)
                .put("access_token", session.accessToken())
                .put("refresh_token", session.refreshToken())
                .put("expires_at", session.expiresAt().getEpochSecond())
                .put("user_id", session.userId())
                .put("email", session.email());
        Files.createDirectories(file.toAbsolutePath().getParent());
        org.rallylab.store.AtomicFiles.replacePrivately(file, MAPPER.writeValueAsBytes(json));
    }

    /** The saved session, or empty when nobody is signed in. */
    public synchronized Optional<CloudSession> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (isPosix()) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            JsonNode json = MAPPER.readTree(text);
            if (!"rallylab-cloud-session".equals(json.path("format").asText())) {
                throw damaged("it is not a RallyLab session file");
            }
            return Optional.of(new CloudSession(json.path("access_token").asText(""),
                    json.path("refresh_token").asText(""), Instant.ofEpochSecond(json.path("expires_at").asLong()),
                    json.path("user_id").asText(""), json.path("email").asText("")));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw damaged(e instanceof JsonProcessingException ? "it is not valid JSON" : e.getMessage());
        }
    }

    /** Forgets the session (sign-out): deletes the file. */
    public synchronized void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    private IOException damaged(String why) {
        return new IOException("The saved sign-in in " + file + " cannot be read (" + why + "): sign in again;"
                + " the file is replaced");
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "TokenStore[" + file + "]";
    }
}
