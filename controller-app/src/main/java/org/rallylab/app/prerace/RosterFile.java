package org.rallylab.app.prerace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 *
 * <p>Whatever the file holds, the read stays within the {@link RosterLimits} (rows, cell size,
 * what an .xlsx unpacks to) and this file's {@link #MAX_BYTES}; it is meant to run off the
 * JavaFX thread, telling a {@link ReadProgress} how far it has come and stopping when asked.
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
        return read(file, ReadProgress.NONE);
    }

    /**
     * The participant rows of {@code file}, in file order, telling {@code progress} how far the
     * read has come. Ends with a {@link java.util.concurrent.CancellationException} soon after
     * {@code progress} is cancelled (also while waiting for a slow device), and with the refusal
     * when the file breaks one of the {@link RosterLimits}.
     */
    public static List<RosterRow> read(Path file, ReadProgress progress) throws RosterFileException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        ReadWatch watch = new ReadWatch(progress);
        RosterColumns columns = new RosterColumns(name);
        byte[] bytes = load(file, name, watch);
        if (bytes == null) {
            XlsxSheet.read(file, name, columns, watch);
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
            CsvSheet.read(text, bytes.length, name, columns, watch);
        }
        List<RosterRow> rows = columns.rows();
        watch.done();
        return rows;
    }

    static RosterFileException empty(String name) {
        return new RosterFileException(name + " is empty. Save the roster from your spreadsheet program again,"
                + " with a heading row such as Name, Car Number, Group.");
    }

    /**
     * The bytes of {@code file}, read in pieces so that progress shows and a cancel is heard; null
     * for a zip (an .xlsx), which is read from the file itself once its first bytes say what it is.
     */
    private static byte[] load(Path file, String name, ReadWatch watch) throws RosterFileException {
        try {
            if (Files.isDirectory(file)) {
                throw new RosterFileException(name + " is a folder; choose the roster file inside it.");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(name, size);
            }
            watch.phase(size > 0 ? size : -1); // 0: a device or pipe whose size shows only at its end
            ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.max(size, 8192));
            try (InputStream in = Files.newInputStream(file)) {
                watch.opened(in); // a cancel closes it: a read waiting for the device then ends
                byte[] piece = new byte[64 * 1024];
                for (int n = in.read(piece); n >= 0; n = in.read(piece)) {
                    bytes.write(piece, 0, n);
                    if (bytes.size() > MAX_BYTES) {
                        throw tooLarge(name, bytes.size());
                    }
                    if (bytes.size() >= 4 && bytes.size() == n && isZip(piece)) {
                        return null;
                    }
                    watch.bytes(bytes.size());
                }
            }
            watch.stopIfCancelled();
            if (bytes.size() == 0) {
                throw empty(name);
            }
            byte[] all = bytes.toByteArray();
            return isZip(all) ? null : all;
        } catch (NoSuchFileException e) {
            throw new RosterFileException(name + " is not there any more (was a USB stick removed?); choose the"
                    + " file again.", e);
        } catch (AccessDeniedException e) {
            throw new RosterFileException("RallyLab may not read " + name + "; close it in other programs or copy"
                    + " it somewhere else, then try again.", e);
        } catch (IOException e) {
            watch.stopIfCancelled(); // a cancel closes the file under a read that waits for the device
            throw new RosterFileException("Could not read " + name + " (" + e.getMessage() + "); close it in other"
                    + " programs and try again.", e);
        }
    }

    private static RosterFileException tooLarge(String name, long size) {
        return new RosterFileException(String.format(Locale.ROOT, "%s is %.1f MB, more than the 10 MB a roster file"
                + " may have. Save only the roster (Name, Car Number, Group) as CSV or a new .xlsx and import that.",
                name, size / (1024.0 * 1024.0)));
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
