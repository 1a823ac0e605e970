package org.rallylab.app.prerace;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first worksheet of an .xlsx workbook to rows, streamed with the JDK's XML parser within
 * the {@link RosterLimits} ({@link XlsxPackage} for the zip, {@link CellText} for each cell).
 * Numbers are written without a needless fraction (a car number typed as 7 is stored as 7.0 by
 * some programs and read here as "7"), unless that would make them longer than any number a
 * spreadsheet holds; error cells (#N/A) read as empty; TRUE and FALSE as such.
 */
final class XlsxSheet {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    /** Excel's last row and column. */
    private static final int MAX_ROW = 1_048_576;
    private static final int MAX_COLUMN = 16_384;
    /** Digits a number of a spreadsheet can have when written out (a double has 17 significant). */
    private static final int MAX_PLAIN_DIGITS = 40;

    private XlsxSheet() {
    }

    /** Hands the rows of {@code file}'s first worksheet to {@code columns}. */
    static void read(Path file, String fileName, RosterColumns columns, ReadWatch watch) throws RosterFileException {
        try (XlsxPackage workbook = XlsxPackage.open(file, fileName, watch)) {
            XlsxPackage.Parts parts = workbook.rosterParts();
            List<String> shared = parts.sharedStrings() == null ? List.of()
                    : workbook.read(parts.sharedStrings(), xml -> SharedStrings.read(xml, fileName));
            workbook.read(parts.sheet(), xml -> {
                rows(xml, shared, fileName, columns, watch);
                return null;
            });
        }
        if (!columns.hasHeading()) {
            throw new RosterFileException(fileName + " has nothing on its first worksheet. Put the roster on the"
                    + " first worksheet, under a heading row such as Name, Car Number, Group.");
        }
        watch.done();
    }

    private static void rows(XMLStreamReader xml, List<String> shared, String fileName, RosterColumns columns,
                             ReadWatch watch) throws XMLStreamException, RosterFileException {
        CellText text = new CellText(fileName);
        List<String> cells = null;
        int row = 0;
        int column = -1;
        String type = null;
        boolean inValue = false;
        boolean inInline = false;
        boolean inText = false;
        int phonetic = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "row" -> {
                        row = rowNumber(xml.getAttributeValue(null, "r"), row);
                        cells = new ArrayList<>();
                        column = -1;
                    }
                    case "c" -> {
                        column = column(xml.getAttributeValue(null, "r"), column);
                        type = xml.getAttributeValue(null, "t");
                        text.clear();
                    }
                    case "v" -> inValue = true;
                    case "is" -> inInline = true;
                    case "t" -> inText = inInline && phonetic == 0;
                    case "rPh" -> phonetic++;
                    default -> {
                    }
                }
            } else if ((inValue || inText) && (event == XMLStreamConstants.CHARACTERS
                    || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
                text.append(xml, " on row " + row);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> inValue = false;
                    case "is" -> inInline = false;
                    case "t" -> inText = false;
                    case "rPh" -> phonetic--;
                    case "c" -> {
                        if (cells != null) {
                            while (cells.size() <= column) {
                                cells.add("");
                            }
                            cells.set(column, value(type, text.text(), shared));
                        }
                    }
                    case "row" -> {
                        if (cells != null) {
                            columns.accept(new SheetRow(row, cells));
                            watch.row();
                            cells = null;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    private static String value(String type, String raw, List<String> shared) throws XMLStreamException {
        if (type == null || type.equals("n")) {
            return plain(raw);
        }
        switch (type) {
            case "s": {
                int index;
                try {
                    index = Integer.parseInt(raw.strip());
                } catch (NumberFormatException e) {
                    throw new XMLStreamException("shared string \"" + raw + "\" is not a number");
                }
                if (index < 0 || index >= shared.size()) {
                    throw new XMLStreamException("shared string " + index + " does not exist");
                }
                return shared.get(index);
            }
            case "b":
                return raw.equals("1") ? "TRUE" : raw.equals("0") ? "FALSE" : raw;
            case "e":
                return "";
            default:
                return raw; // inlineStr, str (a formula's text), d (a date as text)
        }
    }

    /** A number without a needless fraction or exponent; as written when that would be longer than any. */
    private static String plain(String raw) {
        if (!NUMBER.matcher(raw).matches()) {
            return raw;
        }
        BigDecimal stripped;
        try {
            stripped = new BigDecimal(raw).stripTrailingZeros();
        } catch (NumberFormatException | ArithmeticException e) {
            return raw; // an exponent beyond any number
        }
        if (stripped.scale() > MAX_PLAIN_DIGITS || stripped.precision() - stripped.scale() > MAX_PLAIN_DIGITS) {
            return raw;
        }
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    /** The row number of a row element: its "r", or the one after the previous row. */
    private static int rowNumber(String r, int previous) throws XMLStreamException {
        int number;
        try {
            number = r == null ? previous + 1 : Integer.parseInt(r.strip());
        } catch (NumberFormatException e) {
            throw new XMLStreamException("row \"" + r + "\" is not a row number");
        }
        if (number < 1 || number > MAX_ROW) {
            throw new XMLStreamException("row " + number + " is not a row of a worksheet");
        }
        return number;
    }

    /** The column (from 0) of a cell: the letters of its "r" (B3 is 1), or the one after the previous cell. */
    private static int column(String r, int previous) throws XMLStreamException {
        int column = 0;
        int letters = 0;
        while (r != null && letters < r.length() && r.charAt(letters) >= 'A' && r.charAt(letters) <= 'Z') {
            column = column * 26 + (r.charAt(letters) - 'A' + 1);
            letters++;
            if (column > MAX_COLUMN) {
                throw new XMLStreamException("cell " + r + " is not a cell of a worksheet");
            }
        }
        int index = letters == 0 ? previous + 1 : column - 1;
        if (index >= MAX_COLUMN) {
            throw new XMLStreamException("a row has more than " + MAX_COLUMN + " cells");
        }
        return index;
    }
}
