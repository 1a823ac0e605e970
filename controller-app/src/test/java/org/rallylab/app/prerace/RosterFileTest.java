package org.rallylab.app.prerace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading real CSV and .xlsx roster files: encodings, delimiters, quoting, headings, numbers. */
class RosterFileTest {

    @TempDir
    Path folder;

    private static final List<RosterRow> AVA_BEN_CLEO = List.of(
            new RosterRow(2, "Ava Chen", "7", "1st Lakeside"),
            new RosterRow(3, "Ben Okafor", null, "2nd Hillcrest"),
            new RosterRow(4, "Cleo Martin", "B100", null));

    private Path csv(String name, String text) throws Exception {
        return RosterFiles.text(folder.resolve(name), text, StandardCharsets.UTF_8, false);
    }

    @Test
    void read_plainCsv_rowsWithSpreadsheetRowNumbers() throws Exception {
        Path file = csv("roster.csv", "Name,Car Number,Group\nAva Chen,7,1st Lakeside\nBen Okafor,,2nd Hillcrest\n"
                + "Cleo Martin,B100,\n");
        assertThat(RosterFile.read(file)).isEqualTo(AVA_BEN_CLEO);
    }

    @Test
    void read_utf8WithByteOrderMarkAndCrLf_sameRows() throws Exception {
        Path file = RosterFiles.text(folder.resolve("roster.csv"), "Name,Car Number,Group\r\n"
                + "Ava Chen,7,1st Lakeside\r\nBen Okafor,,2nd Hillcrest\r\nCleo Martin,B100,\r\n",
                StandardCharsets.UTF_8, true);
        assertThat(RosterFile.read(file)).isEqualTo(AVA_BEN_CLEO);
    }

    @Test
    void read_semicolonsAndQuotedCommas_sniffedAndKept() throws Exception {
        Path file = csv("roster.csv", "Name;Car Number;Group\n\"Chen, Ava\";7;\"1st Lakeside; East\"\n"
                + "\"Okafor, Ben \"\"Benny\"\"\";;\n");
        assertThat(RosterFile.read(file)).containsExactly(
                new RosterRow(2, "Chen, Ava", "7", "1st Lakeside; East"),
                new RosterRow(3, "Okafor, Ben \"Benny\"", null, null));
    }

    @Test
    void read_commaDelimiterWithQuotedCommasInNames_notMistakenForAnotherDelimiter() throws Exception {
        Path file = csv("roster.csv", "Name,#,Pack\n\"Chen, Ava\",7,\"A; B\"\n\"Okafor, Ben\",8,\n");
        assertThat(RosterFile.read(file)).containsExactly(
                new RosterRow(2, "Chen, Ava", "7", "A; B"), new RosterRow(3, "Okafor, Ben", "8", null));
    }

    @Test
    void read_tabs_sniffed() throws Exception {
        Path file = csv("roster.txt", "Name\tRace Number\tTroop\nAva Chen\t7\t1st Lakeside\n");
        assertThat(RosterFile.read(file)).containsExactly(new RosterRow(2, "Ava Chen", "7", "1st Lakeside"));
    }

    @Test
    void read_quotedNewlineBlankLinesAndSpaces_rowNumbersAsTheSpreadsheetShowsThem() throws Exception {
        Path file = csv("roster.csv", "\n  Name , Car # \n\"Ava\nChen\", 7 \n\n   Ben    Okafor  ,\n");
        assertThat(RosterFile.read(file)).containsExactly(
                new RosterRow(3, "Ava Chen", "7", null), new RosterRow(5, "Ben Okafor", null, null));
    }

    @Test
    void read_firstAndLastNameColumns_joined_unknownColumnsIgnored() throws Exception {
        Path file = csv("roster.csv", "Parent Email,First Name,LAST-NAME,Den,Allergies\n"
                + "a@example.org,Ava,Chen,Wolf,none\nb@example.org,Ben,,Bear,\nc@example.org,,,,peanuts\n");
        assertThat(RosterFile.read(file)).containsExactly(
                new RosterRow(2, "Ava Chen", null, "Wolf"), new RosterRow(3, "Ben", null, "Bear"));
    }

    @Test
    void read_headingsInAnyCaseAndPunctuation_matched_carNumberPreferredOverNumber() throws Exception {
        Path file = csv("roster.csv", "number,NAME,car_number,pack,group\n1,Ava Chen,A7,Pack 3,1st Lakeside\n");
        assertThat(RosterFile.read(file)).containsExactly(new RosterRow(2, "Ava Chen", "A7", "1st Lakeside"));
    }

    @Test
    void read_rowWithoutName_keptForThePreviewToReport() throws Exception {
        Path file = csv("roster.csv", "Name,Car Number\n,9\nAva Chen,7\n");
        assertThat(RosterFile.read(file)).containsExactly(
                new RosterRow(2, null, "9", null), new RosterRow(3, "Ava Chen", "7", null));
    }

    @Test
    void read_windows1252Csv_accentsKept() throws Exception {
        Path file = RosterFiles.text(folder.resolve("roster.csv"), "Name,Car Number\nZoë Lefèvre,3\n",
                Charset.forName("windows-1252"), false);
        assertThat(RosterFile.read(file)).containsExactly(new RosterRow(2, "Zoë Lefèvre", "3", null));
    }

    @Test
    void read_utf16UnicodeText_readWithTabs() throws Exception {
        Path file = RosterFiles.text(folder.resolve("roster.txt"), "Name\tCar Number\r\nZoë Lefèvre\t3\r\n",
                StandardCharsets.UTF_16LE, true);
        assertThat(RosterFile.read(file)).containsExactly(new RosterRow(2, "Zoë Lefèvre", "3", null));
    }

    @Test
    void read_quotesInsideAnUnquotedValue_keptAsWritten() throws Exception {
        // a quote only opens a quoted value at its start (issue 11: an unclosed one is refused instead)
        Path file = csv("roster.csv", "Name,Car Number\nAva \"Rocket\" Chen,7\nBen \"Okafor,8\n");
        assertThat(RosterFile.read(file)).extracting(RosterRow::name).containsExactly("Ava \"Rocket\" Chen",
                "Ben \"Okafor");
    }

    @Test
    void read_xlsx_numbersAsCarNumbersWithoutFraction_headingOnFirstNonEmptyRow() throws Exception {
        Path file = RosterFiles.xlsx(folder.resolve("roster.xlsx"), 3, List.of(
                Arrays.asList("Name", "Car Number", "Group", "Notes"),
                Arrays.asList("Ava Chen", 7.0, "1st Lakeside", "fast"),
                Arrays.asList("Ben Okafor", null, "2nd Hillcrest"),
                Arrays.asList(),
                Arrays.asList("Cleo Martin", "B100"),
                Arrays.asList("Dev Patel", 12, null),
                Arrays.asList("Elle Roy", 1.5)));
        assertThat(RosterFile.read(file)).containsExactly(
                new RosterRow(4, "Ava Chen", "7", "1st Lakeside"),
                new RosterRow(5, "Ben Okafor", null, "2nd Hillcrest"),
                new RosterRow(7, "Cleo Martin", "B100", null),
                new RosterRow(8, "Dev Patel", "12", null),
                new RosterRow(9, "Elle Roy", "1.5", null));
    }

    @Test
    void read_xlsxWithSeveralSheets_onlyTheFirst() throws Exception {
        Path file = RosterFiles.xlsx(folder.resolve("roster.xlsx"), 1, List.of(
                Arrays.asList("First Name", "Last Name", "#"), Arrays.asList("Ava", "Chen", 7)), "Other");
        assertThat(RosterFile.read(file)).containsExactly(new RosterRow(2, "Ava Chen", "7", null));
    }

    @Test
    void read_xlsxSavedWithCsvName_readAsAWorkbook() throws Exception {
        Path file = RosterFiles.xlsx(folder.resolve("roster.csv"), 1, List.of(
                Arrays.asList("Name"), Arrays.asList("Ava Chen")));
        assertThat(RosterFile.read(file)).containsExactly(new RosterRow(2, "Ava Chen", null, null));
    }
}
