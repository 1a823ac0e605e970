package org.rallylab.app.prerace;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a roster from a CSV file or an Excel workbook (.xlsx): one participant per row under a
 * heading row. What the file is, is decided by its content (a renamed file is still read for
 * what it is), so an .xlsx that holds plain text is refused rather than guessed at. Every
 * failure is a {@link RosterFileException} whose message names the file and says what to do.
 *
 * <p>Columns are found by their heading, ignoring case, spaces and punctuation (see
 * {@link RosterColumns}): Name (or First Name and Last Name), optionally a car number and a
 * group. Other columns are ignored.
 */
public final class RosterFile {

    /** Larger files are refused: a roster of a few hundred rows is a few kilobytes. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final String SAVE_AGAIN = "Save the roster from your spreadsheet program as CSV or .xlsx"
            + " and import that.";

    private RosterFile() {
    }

    /** The participant rows of {@code file}, in file order. */
    public static List<RosterRow> read(Path file) throws RosterFileException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes = load(file, name);
        List<SheetRow> rows;
        if (isZip(bytes)) {
            rows = XlsxSheet.read(bytes, name);
        } else if (isOle2(bytes)) {
            throw new RosterFileException(name + " is in the old Excel 97-2003 format (.xls). Open it in your"
                    + " spreadsheet program and save it as .xlsx or CSV, then import that.");
        } else {
            String text = CsvSheet.decode(bytes);
            if (text.isBlank()) {
                throw empty(name);
            }
            if (CsvSheet.looksBinary(text)) {
                throw new RosterFileException(name + " is neither a CSV file nor an Excel workbook (.xlsx). "
                        + SAVE_AGAIN);
            }
            if (workbookName(name)) {
                throw new RosterFileException(name + " is not an Excel workbook: it holds plain text. If it is a"
                        + " CSV file, rename it to end in .csv; otherwise save the roster from your spreadsheet"
                        + " program as CSV or .xlsx and import that.");
            }
            rows = CsvSheet.read(text, name);
        }
        return RosterColumns.rows(rows, name);
    }

    static RosterFileException empty(String name) {
        return new RosterFileException(name + " is empty. Save the roster from your spreadsheet program again,"
                + " with a heading row such as Name, Car Number, Group.");
    }

    private static byte[] load(Path file, String name) throws RosterFileException {
        try {
            if (Files.isDirectory(file)) {
                throw new RosterFileException(name + " is a folder; choose the roster file inside it.");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new RosterFileException(String.format(Locale.ROOT, "%s is %.1f MB, more than the 10 MB a"
                        + " roster file may have. Save only the roster (Name, Car Number, Group) as CSV or a new"
                        + " .xlsx and import that.", name, size / (1024.0 * 1024.0)));
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw empty(name);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new RosterFileException(name + " is not there any more (was a USB stick removed?); choose the"
                    + " file again.", e);
        } catch (AccessDeniedException e) {
            throw new RosterFileException("RallyLab may not read " + name + "; close it in other programs or copy"
                    + " it somewhere else, then try again.", e);
        } catch (IOException e) {
            throw new RosterFileException("Could not read " + name + " (" + e.getMessage() + "); close it in other"
                    + " programs and try again.", e);
        }
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static boolean isOle2(byte[] b) {
        return b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0;
    }

    private static boolean workbookName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls");
    }
}
