package org.rallylab.store.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.rallylab.store.InvalidInputException;

/**
 * Gets a backup file's text off the disk, refusing what is not a readable, not too large, UTF-8
 * JSON document, then hands it to {@link BackupReader} for the checks of its content.
 */
final class BackupFileReader {

    /** The largest backup read (about 1 million events). */
    static final long MAX_BYTES = 200L * 1024 * 1024;

    private BackupFileReader() {
    }

    static Backup read(Path file) throws InvalidInputException {
        String text = text(file);
        JsonNode parsed;
        try {
            parsed = BackupFormat.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.refused(file, "is not valid JSON (" + e.getOriginalMessage() + ", "
                    + location(e) + "): it was cut short or damaged; use an older backup or the cloud copy", e);
        }
        try {
            return BackupReader.read(parsed);
        } catch (BackupReader.Refusal refusal) {
            throw InvalidInputException.refused(file, refusal.getMessage(), null);
        }
    }

    private static String text(Path file) throws InvalidInputException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw InvalidInputException.refused(file, "is a folder, not a backup file: choose the "
                        + BackupFiles.FILE_NAME + " inside it", null);
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw InvalidInputException.refused(file, "is " + size / (1024 * 1024) + " MB, more than any"
                        + " backup (" + MAX_BYTES / (1024 * 1024) + " MB at most): is it a backup file?", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.refused(file, "does not exist: check that the stick is in and the folder"
                    + " and name are right", e);
        } catch (AccessDeniedException e) {
            throw InvalidInputException.refused(file, "cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw InvalidInputException.refused(file, "cannot be read (" + e + "): check the stick", e);
        }
        if (bytes.length == 0) {
            throw InvalidInputException.refused(file, "is empty: the backup was never finished; use an older backup"
                    + " or the cloud copy", null);
        }
        return utf8(file, bytes);
    }

    private static String utf8(Path file, byte[] bytes) throws InvalidInputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw InvalidInputException.refused(file, "is not UTF-8 text (byte " + in.position() + " is not"
                    + " valid): the file is damaged; use an older backup or the cloud copy", null);
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static String location(JsonProcessingException e) {
        var at = e.getLocation();
        return at == null ? "somewhere" : "at character " + at.getCharOffset();
    }
}
