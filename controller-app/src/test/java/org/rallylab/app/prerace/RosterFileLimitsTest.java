package org.rallylab.app.prerace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.event.EventLimits;

/**
 * Issue 11, hostile or odd roster files: a file is read within limits (rows, cell size, what an
 * .xlsx unpacks to, its entries) and refused, naming the file and the problem, when it breaks
 * one; never an OutOfMemoryError, never a quote that swallows the rest of the file.
 */
class RosterFileLimitsTest {

    private static final String SAVE_ONLY_THE_ROSTER = " Save it again as .xlsx or .csv from your spreadsheet"
            + " program with only the roster.";
    private static final long MB = 1024 * 1024;
    private static final String UNPACKS_TOO_MUCH = "roster.xlsx unpacks to more than 20 MB (in xl/sharedStrings.xml);"
            + " RallyLab reads at most 20 MB from a roster workbook, while the roster of a whole section, even with"
            + " dozens of columns, unpacks to a few MB." + SAVE_ONLY_THE_ROSTER;

    @TempDir
    Path folder;

    /** The refusal's message; any other throwable (an OutOfMemoryError) or none fails the test. */
    private static String refusal(Path file) {
        Throwable thrown = catchThrowable(() -> RosterFile.read(file));
        assertThat(thrown).isInstanceOf(RosterFileException.class);
        return thrown.getMessage();
    }

    private static String participants(int count) {
        StringBuilder text = new StringBuilder("Name,Car Number\n");
        for (int i = 1; i <= count; i++) {
            text.append("Driver ").append(i).append(',').append(i).append('\n');
        }
        return text.toString();
    }

    @Test
    void issue11_xlsxBomb_refusedForWhatItUnpacksTo_withoutOutOfMemory() throws Exception {
        // the reported file, scaled down: one shared string of 30 MB (the report's was 3 GB)
        Path file = HostileWorkbooks.workbook(folder.resolve("roster.xlsx"),
                HostileWorkbooks.sheetWithOneParticipant("7"), HostileWorkbooks.sharedStrings(30 * MB, 0));
        assertThat(Files.size(file)).isLessThan(MB);

        assertThat(refusal(file)).isEqualTo(UNPACKS_TOO_MUCH);
    }

    @Test
    void issue11_xlsxBombThatUnderstatesItsSize_refusedWhileInflating() throws Exception {
        // 30 MB of shared strings no cell uses, in a zip that declares the part as 1 000 bytes
        Path file = HostileWorkbooks.workbook(folder.resolve("roster.xlsx"),
                HostileWorkbooks.sheetWithOneParticipant("7"), HostileWorkbooks.sharedStrings(8, 30_000));
        HostileWorkbooks.forgeDeclaredSize(file, HostileWorkbooks.SHARED_STRINGS, 1_000);

        assertThat(refusal(file)).isEqualTo(UNPACKS_TOO_MUCH);
    }

    @Test
    void issue11_xlsxCellFarBeyondAnyName_refusedNamingTheLimit() throws Exception {
        Path file = HostileWorkbooks.workbook(folder.resolve("roster.xlsx"),
                HostileWorkbooks.sheetWithOneParticipant("7"), HostileWorkbooks.sharedStrings(100_000, 0));

        assertThat(refusal(file)).isEqualTo("roster.xlsx has a cell longer than 32767 characters; RallyLab reads"
                + " at most 32767 (as much as a cell of Excel holds), and a name has at most "
                + EventLimits.MAX_NAME_CHARS + "." + SAVE_ONLY_THE_ROSTER);
    }

    @Test
    void issue11_xlsxWithAbsurdlyManyEntries_refused() throws Exception {
        Path file = HostileWorkbooks.workbook(folder.resolve("roster.xlsx"), Map.of(), 1_500);
        int entries;
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            entries = zip.size();
        }

        assertThat(refusal(file)).isEqualTo("roster.xlsx holds " + entries + " files inside; RallyLab reads"
                + " workbooks of at most 1000 (a roster workbook holds about ten)." + SAVE_ONLY_THE_ROSTER);
    }

    @Test
    void issue11_xlsxNumberWithAHugeExponent_keptAsWrittenNotExpanded() throws Exception {
        Path file = HostileWorkbooks.workbook(folder.resolve("roster.xlsx"),
                HostileWorkbooks.sheetWithOneParticipant("1E999999"), HostileWorkbooks.sharedStrings(8, 0));

        assertThat(RosterFile.read(file)).containsExactly(new RosterRow(2, "xxxxxxxx", "1E999999", null));
    }

    @Test
    void issue11_csvUnterminatedQuote_refusedNamingTheLineWhereItOpens() throws Exception {
        Path file = Files.writeString(folder.resolve("roster.csv"),
                "Name,Car Number\nAva Chen,7\n\"Ben Okafor,8\nCleo Martin,9\nDev Patel,10\n");

        assertThat(refusal(file)).isEqualTo("roster.csv has a quote (\") on line 3 that is never closed, so"
                + " everything after it would run together into one name. Close the quote on line 3 (or remove"
                + " it), or save the roster from your spreadsheet program as CSV again.");
    }

    @Test
    void issue11_csvUnterminatedQuoteAfterAValueOnTwoLines_namesTheLineNotTheRow() throws Exception {
        Path file = Files.writeString(folder.resolve("roster.csv"),
                "Name,Car Number\r\n\"Ava\nChen\",7\r\nBen Okafor,\"8\r\nCleo Martin,9\r\n");

        assertThat(refusal(file)).contains("a quote (\") on line 4 that is never closed");
    }

    @Test
    void issue11_csvMoreParticipantRowsThanARosterHolds_refusedSayingHowManyAndTheLimit() throws Exception {
        Path file = Files.writeString(folder.resolve("roster.csv"),
                participants(EventLimits.MAX_PARTICIPANTS + 1) + "\n\n,,\n");

        assertThat(refusal(file)).isEqualTo("roster.csv has 1001 participant rows; a section's roster holds at"
                + " most 1000. Check that this is the roster file; if it holds several sections, save each"
                + " section's rows in a file of its own and import them one by one.");
    }

    @Test
    void issue11_xlsxMoreParticipantRowsThanARosterHolds_refusedSayingHowMany() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("Name", "Car Number"));
        for (int i = 1; i <= 1_204; i++) {
            rows.add(Arrays.asList("Driver " + i, i));
        }
        Path file = RosterFiles.xlsx(folder.resolve("roster.xlsx"), 1, rows);

        assertThat(refusal(file)).startsWith("roster.xlsx has 1204 participant rows; a section's roster holds at"
                + " most 1000.");
    }

    @Test
    void issue11_asManyRowsAsARosterHolds_allRead() throws Exception {
        Path file = Files.writeString(folder.resolve("roster.csv"), participants(EventLimits.MAX_PARTICIPANTS));

        List<RosterRow> rows = RosterFile.read(file);

        assertThat(rows).hasSize(EventLimits.MAX_PARTICIPANTS);
        assertThat(rows.get(rows.size() - 1)).isEqualTo(new RosterRow(1_001, "Driver 1000", "1000", null));
    }

    @Test
    void issue11_csvCellFarBeyondAnyName_refusedNamingTheRow() throws Exception {
        Path file = Files.writeString(folder.resolve("roster.csv"),
                "Name,Car Number\nAva Chen,7\n\"" + "Ben ".repeat(10_000) + "\",8\n");

        assertThat(refusal(file)).isEqualTo("roster.csv has a cell longer than 32767 characters on row 3;"
                + " RallyLab reads at most 32767 (as much as a cell of Excel holds), and a name has at most "
                + EventLimits.MAX_NAME_CHARS + "." + SAVE_ONLY_THE_ROSTER);
    }
}
