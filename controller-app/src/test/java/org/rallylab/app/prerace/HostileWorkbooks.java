package org.rallylab.app.prerace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Real .xlsx files with hostile parts, for the tests (issue 11): a workbook written by a
 * spreadsheet library whose first sheet and shared strings are replaced by parts written here,
 * streamed so that a part of many megabytes never sits in the test's memory.
 */
public final class HostileWorkbooks {

    static final String SHEET = "xl/worksheets/sheet1.xml";
    static final String SHARED_STRINGS = "xl/sharedStrings.xml";

    /** Writes one part of the package. */
    @FunctionalInterface
    public interface Part {
        void write(OutputStream out) throws IOException;
    }

    private HostileWorkbooks() {
    }

    /**
     * A real workbook at {@code file} whose parts named in {@code parts} are written by them
     * (added when the workbook has no such part), followed by {@code extraEntries} empty files.
     */
    public static Path workbook(Path file, Map<String, Part> parts, int extraEntries) throws IOException {
        Path base = Files.createTempFile(file.toAbsolutePath().getParent(), "base", ".xlsx");
        RosterFiles.xlsx(base, 1, List.of(Arrays.asList("Name"), Arrays.asList("Ava Chen")));
        try (ZipFile source = new ZipFile(base.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Enumeration<? extends ZipEntry> e = source.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!parts.containsKey(entry.getName())) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            for (Map.Entry<String, Part> part : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(part.getKey()));
                part.getValue().write(out);
                out.closeEntry();
            }
            for (int i = 0; i < extraEntries; i++) {
                out.putNextEntry(new ZipEntry("customXml/item" + i + ".xml"));
                out.closeEntry();
            }
        } finally {
            Files.delete(base);
        }
        return file;
    }

    /** A workbook whose first sheet is {@code sheet} and whose shared strings are {@code sharedStrings}. */
    public static Path workbook(Path file, Part sheet, Part sharedStrings) throws IOException {
        return workbook(file, Map.of(SHEET, sheet, SHARED_STRINGS, sharedStrings), 0);
    }

    /**
     * A first sheet with the heading row "Name", "Car Number" (shared strings 0 and 1) and one
     * row: the name is shared string 2, the car number a number cell whose value is
     * {@code carNumberValue}, written as is.
     */
    public static Part sheetWithOneParticipant(String carNumberValue) {
        return out -> write(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\"><v>" + carNumberValue + "</v></c></row>"
                + "</sheetData></worksheet>");
    }

    /**
     * Shared strings "Name", "Car Number", then a name of {@code nameChars} letters x (a gigabyte
     * of them compresses to about a megabyte), then {@code fillerStrings} strings of 1 000 letters
     * that no cell uses.
     */
    public static Part sharedStrings(long nameChars, int fillerStrings) {
        return out -> {
            write(out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<si><t>Name</t></si><si><t>Car Number</t></si><si><t>");
            byte[] x = new byte[1 << 16];
            Arrays.fill(x, (byte) 'x');
            for (long left = nameChars; left > 0; left -= x.length) {
                out.write(x, 0, (int) Math.min(x.length, left));
            }
            write(out, "</t></si>");
            byte[] filler = ("<si><t>" + "y".repeat(1_000) + "</t></si>").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < fillerStrings; i++) {
                out.write(filler);
            }
            write(out, "</sst>");
        };
    }

    /**
     * Rewrites the sizes the zip's central directory declares for {@code part} (compressed size
     * stays true, so the data is still found; the unpacked size becomes {@code declared}).
     */
    public static void forgeDeclaredSize(Path file, String part, int declared) throws IOException {
        byte[] zip = Files.readAllBytes(file);
        byte[] name = part.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2
                    && u16(zip, i + 28) == name.length
                    && Arrays.equals(zip, i + 46, i + 46 + name.length, name, 0, name.length)) {
                zip[i + 24] = (byte) declared;
                zip[i + 25] = (byte) (declared >>> 8);
                zip[i + 26] = (byte) (declared >>> 16);
                zip[i + 27] = (byte) (declared >>> 24);
                Files.write(file, zip);
                return;
            }
        }
        throw new IllegalArgumentException(part + " is not in " + file);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
