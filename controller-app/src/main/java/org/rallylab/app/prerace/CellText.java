package org.rallylab.app.prerace;

import javax.xml.stream.XMLStreamReader;

/**
 * The text of one cell of an .xlsx as the XML parser hands it over, piece by piece: refused as
 * soon as it passes {@link RosterLimits#MAX_CELL_CHARS}, so a cell of a gigabyte is never held.
 */
final class CellText {

    private final String fileName;
    private final StringBuilder text = new StringBuilder();

    CellText(String fileName) {
        this.fileName = fileName;
    }

    /** Starts the next cell. */
    void clear() {
        text.setLength(0);
    }

    /** Adds the characters {@code xml} is on; {@code where} (" on row 3", or "") is for the refusal. */
    void append(XMLStreamReader xml, String where) throws RosterFileException {
        int length = xml.getTextLength();
        if (text.length() + length > RosterLimits.MAX_CELL_CHARS) {
            throw RosterLimits.cellTooLong(fileName, where);
        }
        text.append(xml.getTextCharacters(), xml.getTextStart(), length);
    }

    String text() {
        return text.isEmpty() ? "" : text.toString();
    }
}
