package org.rallylab.app.prerace;

import java.util.List;

/** The cells of one row of a CSV file or worksheet, as text, with the row number people see. */
record SheetRow(int rowNumber, List<String> cells) {

    SheetRow {
        cells = List.copyOf(cells);
    }

    /** The cell's text, stripped (also of no-break spaces); "" past the end of the row. */
    String cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column).replace('\u00A0', ' ').strip() : "";
    }

    boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
