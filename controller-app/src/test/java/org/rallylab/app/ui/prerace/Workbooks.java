package org.rallylab.app.ui.prerace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes a real .xlsx roster for the tests: text cells, an empty string leaves the cell empty. */
final class Workbooks {

    private Workbooks() {
    }

    static Path roster(Path file, List<List<String>> rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "RallyLab tests", "1.0");
            Worksheet sheet = workbook.newWorksheet("Roster");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        sheet.value(r, c, rows.get(r).get(c));
                    }
                }
            }
            workbook.finish();
        }
        return file;
    }
}
