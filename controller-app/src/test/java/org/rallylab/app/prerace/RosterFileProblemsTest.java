package org.rallylab.app.prerace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that cannot be imported: each refused with a message that names the file and says what to do. */
class RosterFileProblemsTest {

    @TempDir
    Path folder;

    private String refusal(Path file) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> RosterFile.read(file));
        assertThat(thrown).isInstanceOf(RosterFileException.class);
        return thrown.getMessage();
    }

    @Test
    void read_emptyFile_refusedAskingForAHeadingRow() throws Exception {
        Path file = Files.write(folder.resolve("roster.csv"), new byte[0]);
        assertThat(refusal(file)).isEqualTo("roster.csv is empty. Save the roster from your spreadsheet program"
                + " again, with a heading row such as Name, Car Number, Group.");
    }

    @Test
    void read_onlyBlankLinesAndAByteOrderMark_refusedAsEmpty() throws Exception {
        Path file = RosterFiles.text(folder.resolve("roster.csv"), "\r\n  \r\n", StandardCharsets.UTF_8, true);
        assertThat(refusal(file)).startsWith("roster.csv is empty.");
    }

    @Test
    void read_noNameColumn_refusedNamingTheHeadingsFound() throws Exception {
        Path file = Files.writeString(folder.resolve("roster.csv"), "Kid,Car #,Pack\nAva Chen,7,1st\n");
        assertThat(refusal(file)).isEqualTo("roster.csv has no Name column. Its first row must hold the column"
                + " headings, one of them Name (or First Name and Last Name); the first row found is: Kid, Car #,"
                + " Pack.");
    }

    @Test
    void read_headingRowOnly_refusedAsNobodyUnderIt() throws Exception {
        Path file = Files.writeString(folder.resolve("roster.csv"), "Name,Car Number\n,\n");
        assertThat(refusal(file)).isEqualTo("roster.csv has a heading row (Name, Car Number) but nobody under it."
                + " Put one participant per row below the headings.");
    }

    @Test
    void read_corruptXlsx_refusedAsDamaged() throws Exception {
        Path good = RosterFiles.xlsx(folder.resolve("good.xlsx"), 1, List.of(Arrays.asList("Name"),
                Arrays.asList("Ava Chen")));
        byte[] bytes = Files.readAllBytes(good);
        Path file = Files.write(folder.resolve("roster.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(refusal(file)).isEqualTo("roster.xlsx could not be read as an Excel workbook: it may be damaged,"
                + " or not really an .xlsx file. Open it in your spreadsheet program and save it again as .xlsx or"
                + " CSV.");
    }

    @Test
    void read_zipThatIsNoWorkbook_refusedAsDamaged() throws Exception {
        Path file = folder.resolve("roster.xlsx");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThat(refusal(file)).startsWith("roster.xlsx could not be read as an Excel workbook");
    }

    @Test
    void read_textFileRenamedToXlsx_refused() throws Exception {
        Path file = Files.writeString(folder.resolve("roster.xlsx"), "Dear parents, the rally is on Saturday.\n");
        assertThat(refusal(file)).isEqualTo("roster.xlsx is not an Excel workbook: it holds plain text. If it is a"
                + " CSV file, rename it to end in .csv; otherwise save the roster from your spreadsheet program as"
                + " CSV or .xlsx and import that.");
    }

    @Test
    void read_binaryFile_refusedAsNeither() throws Exception {
        byte[] pdfish = new byte[600];
        for (int i = 0; i < pdfish.length; i++) {
            pdfish[i] = (byte) (i * 31);
        }
        Path file = Files.write(folder.resolve("roster.csv"), pdfish);
        assertThat(refusal(file)).isEqualTo("roster.csv is neither a CSV file nor an Excel workbook (.xlsx). Save"
                + " the roster from your spreadsheet program as CSV or .xlsx and import that.");
    }

    @Test
    void read_oldExcelFormat_refusedAskingForXlsx() throws Exception {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        Path file = Files.write(folder.resolve("roster.xls"), ole2);
        assertThat(refusal(file)).isEqualTo("roster.xls is in the old Excel 97-2003 format (.xls). Open it in your"
                + " spreadsheet program and save it as .xlsx or CSV, then import that.");
    }

    @Test
    void read_tooLarge_refusedWithTheSize() throws Exception {
        Path file = folder.resolve("roster.csv");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write("Name\n".getBytes(StandardCharsets.UTF_8));
            raf.setLength(RosterFile.MAX_BYTES + 1);
        }
        assertThat(refusal(file)).isEqualTo("roster.csv is 10.0 MB, more than the 10 MB a roster file may have."
                + " Save only the roster (Name, Car Number, Group) as CSV or a new .xlsx and import that.");
    }

    @Test
    void read_missingFileAndFolder_refused() throws Exception {
        assertThat(refusal(folder.resolve("gone.csv"))).isEqualTo("gone.csv is not there any more (was a USB stick"
                + " removed?); choose the file again.");
        Path dir = Files.createDirectory(folder.resolve("rosters"));
        assertThat(refusal(dir)).isEqualTo("rosters is a folder; choose the roster file inside it.");
    }

    @Test
    void read_xlsxWithNothingOnTheFirstSheet_refused() throws Exception {
        Path file = RosterFiles.xlsx(folder.resolve("roster.xlsx"), 1, List.of(), "Roster");
        assertThat(refusal(file)).isEqualTo("roster.xlsx has nothing on its first worksheet. Put the roster on the"
                + " first worksheet, under a heading row such as Name, Car Number, Group.");
    }

    @Test
    void read_everyRefusal_isARosterFileExceptionNeverAnotherThrowable() throws Exception {
        byte[] zipHeaderOnly = {'P', 'K', 3, 4, 0, 0};
        Path file = Files.write(folder.resolve("x.xlsx"), zipHeaderOnly);
        assertThatThrownBy(() -> RosterFile.read(file)).isInstanceOf(RosterFileException.class)
                .hasMessageStartingWith("x.xlsx could not be read as an Excel workbook");
    }
}
