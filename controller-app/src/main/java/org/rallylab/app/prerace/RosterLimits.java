package org.rallylab.app.prerace;

import org.rallylab.domain.event.EventLimits;

/**
 * The limits a roster file is read within, so that no file, however it was made, can freeze the
 * import or run RallyLab out of memory (issue 11). A file that breaks one is refused whole; a
 * row whose name or car number breaks the {@link EventLimits} is read and shown in the preview
 * as a row with a problem ({@link ImportPreview}).
 *
 * <p>Why these numbers:
 * <ul>
 *   <li>{@link #MAX_ROWS}: a section's roster holds at most {@link EventLimits#MAX_PARTICIPANTS}
 *       participants, whichever way they come in, so a file with more cannot be one section's
 *       roster.</li>
 *   <li>{@link #MAX_CELL_CHARS}: as much as a cell of Excel holds, so no spreadsheet program
 *       writes a longer one; still far beyond any name ({@link EventLimits#MAX_NAME_CHARS}). In
 *       an .xlsx, reading stops there, so a cell of a gigabyte is never held; a CSV file is at
 *       most {@link RosterFile#MAX_BYTES} long, and its cells are checked row by row.</li>
 *   <li>{@link #MAX_UNPACKED_BYTES}: the parts of an .xlsx RallyLab reads (the workbook, its
 *       first sheet, the shared strings of all its sheets) unpack, for 1 000 participants, to
 *       about 150 KB with three columns, 1.6 MB with twelve and 6 MB with forty columns of long
 *       text; 20 MB leaves room for that three times over, while reading even 20 MB of the
 *       hardest XML takes about a second and a bomb is refused in a fraction of one. It is
 *       counted as the parts are inflated, never taken from the sizes the zip declares.</li>
 *   <li>{@link #MAX_ZIP_ENTRIES}: a roster workbook holds about ten files; even one with a
 *       hundred sheets holds a few hundred.</li>
 * </ul>
 */
final class RosterLimits {

    /** Participant rows in one file. */
    static final int MAX_ROWS = EventLimits.MAX_PARTICIPANTS;
    /** Characters in one cell (Excel's own limit). */
    static final int MAX_CELL_CHARS = 32_767;
    /** Bytes the parts of an .xlsx that are read may unpack to, together. */
    static final long MAX_UNPACKED_BYTES = 20L * 1024 * 1024;
    /** Files inside an .xlsx. */
    static final int MAX_ZIP_ENTRIES = 1_000;

    /** What to do with a file refused for its size or shape. */
    static final String SAVE_ONLY_THE_ROSTER = "Save it again as .xlsx or .csv from your spreadsheet program with"
            + " only the roster.";

    private RosterLimits() {
    }

    /** The refusal of a cell longer than {@link #MAX_CELL_CHARS}; {@code where} is " on row 3", or "". */
    static RosterFileException cellTooLong(String fileName, String where) {
        return new RosterFileException(fileName + " has a cell longer than " + MAX_CELL_CHARS + " characters" + where
                + "; RallyLab reads at most " + MAX_CELL_CHARS + " (as much as a cell of Excel holds), and a name"
                + " has at most " + EventLimits.MAX_NAME_CHARS + ". " + SAVE_ONLY_THE_ROSTER);
    }

    /** The refusal of an .xlsx that unpacks to more than {@link #MAX_UNPACKED_BYTES}, noticed in {@code part}. */
    static RosterFileException unpacksTooMuch(String fileName, String part) {
        long mb = MAX_UNPACKED_BYTES / (1024 * 1024);
        return new RosterFileException(fileName + " unpacks to more than " + mb + " MB (in " + part + "); RallyLab"
                + " reads at most " + mb + " MB from a roster workbook, while the roster of a whole section, even"
                + " with dozens of columns, unpacks to a few MB. " + SAVE_ONLY_THE_ROSTER);
    }
}
