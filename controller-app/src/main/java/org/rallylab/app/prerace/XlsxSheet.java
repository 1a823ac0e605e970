package org.rallylab.app.prerace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The first worksheet of an .xlsx workbook to rows (fastexcel-reader, streaming). Numbers are
 * written without a needless fraction (a car number typed as 7 is stored as 7.0 by some
 * programs and read here as "7"); error cells (#N/A) read as empty.
 */
final class XlsxSheet {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String SAVE_AGAIN = "save it again as .xlsx or CSV.";

    private XlsxSheet() {
    }

    static List<SheetRow> read(byte[] bytes, String fileName) throws RosterFileException {
        List<SheetRow> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getFirstSheet();
            if (sheet == null) {
                throw new RosterFileException(fileName + " has no worksheet. Open it in your spreadsheet program"
                        + " and " + SAVE_AGAIN);
            }
            try (Stream<Row> stream = sheet.openStream()) {
                Iterator<Row> it = stream.iterator();
                int nonBlank = 0;
                while (it.hasNext() && nonBlank <= RosterColumns.MAX_ROWS + 1) {
                    SheetRow row = row(it.next());
                    if (!row.isBlank()) {
                        nonBlank++;
                        rows.add(row);
                    }
                }
            }
        } catch (RosterFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RosterFileException(fileName + " could not be read as an Excel workbook: it may be damaged,"
                    + " or not really an .xlsx file. Open it in your spreadsheet program and " + SAVE_AGAIN, e);
        }
        if (rows.isEmpty()) {
            throw new RosterFileException(fileName + " has nothing on its first worksheet. Put the roster on the"
                    + " first worksheet, under a heading row such as Name, Car Number, Group.");
        }
        return rows;
    }

    private static SheetRow row(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(row.getOptionalCell(i).map(XlsxSheet::text).orElse(""));
        }
        return new SheetRow(row.getRowNum(), cells);
    }

    private static String text(Cell cell) {
        switch (cell.getType()) {
            case NUMBER:
                return plain(cell.asNumber());
            case FORMULA: {
                String value = cell.getRawValue();
                return value != null && NUMBER.matcher(value).matches() ? plain(new BigDecimal(value))
                        : value == null ? "" : value;
            }
            case ERROR:
            case EMPTY:
                return "";
            default:
                String text = cell.getText();
                return text == null ? "" : text;
        }
    }

    private static String plain(BigDecimal number) {
        if (number == null) {
            return "";
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }
}
