package org.rallylab.store.roster;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.rallylab.domain.event.EventJson;
import org.rallylab.store.InvalidInputException;
import org.rallylab.store.roster.RosterPackage.Group;
import org.rallylab.store.roster.RosterPackage.Member;
import org.rallylab.store.roster.RosterPackage.Section;

/**
 * The roster package file (version 2, docs/file-formats.md), read and written. Writing gives
 * pretty-printed UTF-8 JSON with keys in the documented order, "\n" line ends and a final newline, the same bytes on
 * every machine. Reading refuses anything that is not a valid package with an
 * {@link InvalidInputException} whose message says where the problem is and what it is, like
 * {@code sections[2].participants[5] ("Ava Chen"): car_number is missing} (indexes count from 0,
 * as in the JSON).
 */
public final class RosterPackageJson {

    /** The largest file {@link #readFile} reads: a real roster package is a few hundred kilobytes. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    private static final ObjectWriter WRITER = EventJson.mapper().writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    /** Strict like the wire format, but trailing text is found here, to say so in plain words. */
    private static final ObjectReader TREE_READER = EventJson.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RosterPackageJson() {
    }

    /** The package as the text of a roster package file, ending with a newline. */
    public static String write(RosterPackage p) {
        ObjectNode root = EventJson.mapper().createObjectNode();
        root.put("version", RosterPackage.VERSION);
        root.put("rally_id", p.rallyId());
        root.put("rally_name", p.rallyName());
        root.put("rally_date", p.rallyDate());
        root.put("exported_at", p.exportedAt().toString());
        ArrayNode groups = root.putArray("groups");
        for (Group g : p.groups()) {
            groups.addObject().put("group_id", g.groupId()).put("group_name", g.groupName());
        }
        ArrayNode sections = root.putArray("sections");
        for (Section s : p.sections()) {
            ObjectNode section = sections.addObject().put("section_id", s.sectionId())
                    .put("section_name", s.sectionName());
            ArrayNode participants = section.putArray("participants");
            for (Member m : s.participants()) {
                participants.addObject().put("participant_id", m.participantId()).put("name", m.name())
                        .put("car_number", m.carNumber()).put("group_id", m.groupId());
            }
        }
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a JSON tree to a string", e);
        }
    }

    /**
     * Reads and checks the text of a roster package (a leading byte order mark is skipped).
     *
     * @throws InvalidInputException naming the problem; its {@code file()} is null
     */
    public static RosterPackage read(String json) throws InvalidInputException {
        try {
            return parse(json);
        } catch (RosterProblem e) {
            throw InvalidInputException.refused(null, e.getMessage(), e.getCause());
        }
    }

    /**
     * Reads and checks a roster package file (UTF-8, at most
     * {@link #MAX_FILE_BYTES}).
     *
     * @throws InvalidInputException whose message starts with the file's name
     */
    public static RosterPackage readFile(Path file) throws InvalidInputException {
        try {
            return parse(text(file));
        } catch (RosterProblem e) {
            throw InvalidInputException.refused(file, e.getMessage(), e.getCause());
        }
    }

    /**
     * Writes {@code p} to {@code file} all at once: to a hidden temporary file in the same folder,
     * forced to the disk, then renamed over {@code file}. A pulled USB stick leaves the old file
     * or the new one, never half of one.
     */
    public static void writeFile(RosterPackage p, Path file) throws IOException {
        org.rallylab.store.AtomicFiles.replace(file, write(p).getBytes(StandardCharsets.UTF_8));
    }

    private static RosterPackage parse(String json) throws RosterProblem {
        JsonNode root;
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        try (JsonParser parser = EventJson.mapper().createParser(text)) {
            root = TREE_READER.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw new RosterProblem("there is more text after the roster package ends ("
                        + at(parser.currentTokenLocation()) + "): were two files pasted together?");
            }
        } catch (JsonProcessingException e) {
            throw new RosterProblem("not valid JSON (" + at(e.getLocation()) + ": " + e.getOriginalMessage()
                    + "): is this a roster package?", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a string", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new RosterProblem("the roster package is empty");
        }
        return RosterReader.read(root);
    }

    private static String at(JsonLocation location) {
        return location == null ? "at the end" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String text(Path file) throws RosterProblem {
        try {
            long size = Files.size(file);
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = size > MAX_FILE_BYTES ? null : in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
            if (bytes == null || bytes.length > MAX_FILE_BYTES) {
                double megabytes = Math.ceil(Math.max(size, MAX_FILE_BYTES + 1) / 104857.6) / 10;
                throw new RosterProblem(String.format(Locale.ROOT, "the file is %.1f MB, but a roster package"
                        + " is at most %d MB: is this the right file?", megabytes, MAX_FILE_BYTES / 1048576));
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new RosterProblem("does not exist: check the folder and the name", e);
        } catch (AccessDeniedException e) {
            throw new RosterProblem("cannot be read (permission denied)", e);
        } catch (CharacterCodingException e) {
            throw new RosterProblem("is not UTF-8 text: is this a roster package?", e);
        } catch (IOException e) {
            throw new RosterProblem("cannot be read: " + e, e);
        }
    }
}
