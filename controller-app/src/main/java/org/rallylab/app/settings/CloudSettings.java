package org.rallylab.app.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.rallylab.sync.client.CloudConfig;
import org.rallylab.sync.client.TokenStore;

/**
 * Where the cloud copy lives, kept in the RallyLab folder: the Supabase project's URL and anon key
 * (both public, not secrets) in {@value #FILE_NAME}
 * ({@code {"version":1,"url":"https://….supabase.co","anon_key":"…"}}), written to a temporary
 * file renamed into place; and the signed-in session (secret) in {@value #SESSION_FILE_NAME},
 * through {@link TokenStore} (readable by the user alone).
 */
public final class CloudSettings {

    public static final String FILE_NAME = "cloud-settings.json";
    public static final String SESSION_FILE_NAME = "cloud-session.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    private final Path folder;
    private final Path file;
    private final TokenStore tokens;

    /** The settings kept in {@code folder} (created when first written). */
    public CloudSettings(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.file = folder.resolve(FILE_NAME);
        this.tokens = new TokenStore(folder.resolve(SESSION_FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** The store of the signed-in session, next to the settings. */
    public TokenStore tokens() {
        return tokens;
    }

    /**
     * The saved project, or empty when the cloud was never set up.
     *
     * @throws IOException the file cannot be read or holds no valid URL and key (the message says
     *                     what to do: set the cloud up again in Cloud → Settings)
     */
    public Optional<CloudConfig> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(file.toFile());
            return Optional.of(new CloudConfig(json.path("url").asText(""), json.path("anon_key").asText("")));
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("The cloud settings in " + file + " cannot be used (" + e.getMessage()
                    + "): enter the URL and anon key again in Cloud → Settings", e);
        }
    }

    /** Saves {@code config}, replacing the saved one; a crash leaves the old file or the new one. */
    public void save(CloudConfig config) throws IOException {
        ObjectNode json = JSON.createObjectNode().put("version", VERSION).put("url", config.url())
                .put("anon_key", config.anonKey());
        Files.createDirectories(folder);
        org.rallylab.store.AtomicFiles.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
    }

    @Override
    public String toString() {
        return "CloudSettings[" + folder + "]";
    }
}
