package org.rallylab.app.prerace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes real roster files for the tests: text in a chosen encoding, and .xlsx workbooks. */
final class RosterFiles {

    private RosterFiles() {
    }

    static Path text(Path file, String text, Charset charset, boolean byteOrderMark) throws IOException {
        byte[] body = text.getBytes(charset);
        byte[] bom = byteOrderMark ? "\uFEFF".getBytes(charset) : new byte[0];
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return Files.write(file, all);
    }

    /**
     * A workbook whose first sheet holds {@code rows} from spreadsheet row {@code firstRow}
     * (1-based); a cell is a String, a Number, or null for none. {@code more} sheets follow.
     */
    static Path xlsx(Path file, int firstRow, List<List<Object>> rows, String... more) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "RallyLab tests", "1.0");
            Worksheet sheet = workbook.newWorksheet("Roster");
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof String s) {
                        sheet.value(firstRow - 1 + r, c, s);
                    } else if (value instanceof Number n) {
                        sheet.value(firstRow - 1 + r, c, n);
                    }
                }
            }
            for (String name : more) {
                Worksheet other = workbook.newWorksheet(name);
                other.value(0, 0, "Name");
                other.value(1, 0, "Not on the first sheet");
            }
            workbook.finish();
        }
        return file;
    }
}
