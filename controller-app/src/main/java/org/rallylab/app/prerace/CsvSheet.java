package org.rallylab.app.prerace;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV text to rows. The text is UTF-8 (with or without a byte-order mark), UTF-16 with a
 * byte-order mark (Excel's "Unicode Text"), or else Windows-1252 (Excel's "CSV" on Windows).
 * The delimiter is the one of comma, semicolon and tab that occurs most often, outside quotes,
 * in the heading line: headings rarely hold any of them, while names often hold commas. A quote
 * opens a quoted value only at the start of a value ({@code Ava "Rocket" Chen} is read as
 * written), and text after a closing quote is kept.
 */
final class CsvSheet {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char[] DELIMITERS = {',', ';', '\t'};
    /** How Commons CSV reports a quoted value still open at the end of the text, and the line it starts on. */
    private static final Pattern UNCLOSED_QUOTE = Pattern.compile(
            "\\(startline ([^)]*)\\) EOF reached before encapsulated token finished");

    private CsvSheet() {
    }

    static String decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, WINDOWS_1252);
        }
    }

    /** True for text with NULs or many control characters: a binary file (a PDF, a picture). */
    static boolean looksBinary(String text) {
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f') {
                control++;
            }
        }
        return control > text.length() / 100;
    }

    /**
     * Parses {@code text} (decoded from the file's {@code fileBytes} bytes) and hands its rows to
     * {@code columns}. A quoted value must end with a quote: one that runs to the end of the file
     * is refused, naming the line it starts on, rather than read as one long name.
     */
    static void read(String text, long fileBytes, String fileName, RosterColumns columns, ReadWatch watch)
            throws RosterFileException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true)
                .setTrailingData(true)
                .get();
        watch.phase(fileBytes);
        int row = 0;
        long lastLine = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                row++;
                for (String cell : record) {
                    if (cell.length() > RosterLimits.MAX_CELL_CHARS) {
                        throw RosterLimits.cellTooLong(fileName, " on row " + row);
                    }
                }
                columns.accept(new SheetRow(row, record.toList()));
                lastLine = parser.getCurrentLineNumber();
                watch.row();
                if (row % 50 == 0) {
                    watch.bytes(record.getCharacterPosition() * fileBytes / Math.max(1, text.length()));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CancellationException c) {
                throw c;
            }
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            Matcher unclosed = UNCLOSED_QUOTE.matcher(String.valueOf(cause.getMessage()));
            if (unclosed.find()) {
                String digits = unclosed.group(1).replaceAll("\\D", "");
                String line = digits.isEmpty() ? String.valueOf(lastLine + 1) : digits;
                throw new RosterFileException(fileName + " has a quote (\") on line " + line + " that is never"
                        + " closed, so everything after it would run together into one name. Close the quote on line "
                        + line + " (or remove it), or save the roster from your spreadsheet program as CSV again.", e);
            }
            throw new RosterFileException(fileName + " could not be read as CSV after row " + row
                    + ". Check the quotes in the next row (a quoted value must end with a quote), or save the"
                    + " roster from your spreadsheet program as CSV again.", e);
        }
        watch.bytes(fileBytes);
    }

    /** The delimiter that occurs most often outside quotes in the first non-blank line; comma on a tie. */
    static char delimiter(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end < 0 ? text.length() : end);
            if (!line.isBlank()) {
                return mostFrequent(line);
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        return ',';
    }

    private static char mostFrequent(String line) {
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int d = 0; d < DELIMITERS.length; d++) {
                    if (c == DELIMITERS[d]) {
                        counts[d]++;
                    }
                }
            }
        }
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            if (counts[d] > counts[best]) {
                best = d;
            }
        }
        return DELIMITERS[best];
    }
}
