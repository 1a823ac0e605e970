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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rallylab.store.AtomicFiles;

/**
 * Where this laptop backs each rally file up (the USB backup folder the operator chose for it).
 * A setting of the laptop, not of the rally file: a rally file that comes from elsewhere cannot
 * make this laptop write anywhere (an earlier RallyLab kept the folder in the rally file; such a
 * folder is only offered to the operator). Kept in {@value #FILE_NAME} in the RallyLab folder:
 * {@code {"version":1,"folders":[{"rally_file":"/…/demo.rallylab","folder":"/media/STICK"}]}}.
 *
 * <p>Never fails the app: a settings file that cannot be read is moved aside to
 * {@code backup-folders.json.bak} and starts over (the operator chooses the folder again); a
 * write that fails is reported to the caller. UI thread.
 */
public final class BackupFolders {

    public static final String FILE_NAME = "backup-folders.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    private final Path file;

    /** The folders kept in {@code dataFolder} (the file is created when first written). */
    public BackupFolders(Path dataFolder) {
        this.file = Objects.requireNonNull(dataFolder, "dataFolder").resolve(FILE_NAME);
    }

    /** The backup folder this laptop uses for {@code rallyFile}, if one was chosen here. */
    public Optional<Path> folderOf(Path rallyFile) {
        return Optional.ofNullable(read().get(key(rallyFile)));
    }

    /** Backs {@code rallyFile} up to {@code folder} from now on. */
    public void use(Path rallyFile, Path folder) throws IOException {
        Map<Path, Path> all = read();
        all.put(key(rallyFile), folder.toAbsolutePath().normalize());
        write(all);
    }

    /** Stops backing {@code rallyFile} up (its last backup file stays where it is). */
    public void forget(Path rallyFile) throws IOException {
        Map<Path, Path> all = read();
        if (all.remove(key(rallyFile)) != null) {
            write(all);
        }
    }

    private static Path key(Path rallyFile) {
        return rallyFile.toAbsolutePath().normalize();
    }

    private Map<Path, Path> read() {
        Map<Path, Path> folders = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return folders;
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root == null || !root.path("folders").isArray()) {
                throw new IOException("it holds no \"folders\" list");
            }
            for (JsonNode entry : root.get("folders")) {
                if (!entry.path("rally_file").isTextual() || !entry.path("folder").isTextual()) {
                    throw new IOException("an entry has no \"rally_file\" or \"folder\"");
                }
                folders.put(key(Path.of(entry.get("rally_file").asText())),
                        Path.of(entry.get("folder").asText()).toAbsolutePath().normalize());
            }
            return folders;
        } catch (IOException | InvalidPathException e) {
            SettingsFiles.setAside(file, "backup folders", e, "choose the backup folders again");
            return new LinkedHashMap<>();
        }
    }

    private void write(Map<Path, Path> folders) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ArrayNode list = root.putArray("folders");
        folders.forEach((rally, folder) -> list.addObject().put("rally_file", rally.toString())
                .put("folder", folder.toString()));
        Files.createDirectories(file.getParent());
        AtomicFiles.replace(file, (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }
}
