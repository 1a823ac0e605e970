package org.rallylab.app.prerace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An .xlsx as a zip of XML parts, read within the {@link RosterLimits}: at most
 * {@link RosterLimits#MAX_ZIP_ENTRIES} entries, and every part read counted by
 * {@link UnpackedBytes}. A part that declares more than is left of the limit is refused before
 * it is inflated. The parser is the JDK's own, without DTDs or entities and with elements at most
 * {@value #MAX_XML_DEPTH} deep. The roster's parts are found as the format says: the workbook
 * through the package's relationships, its first worksheet and its shared strings through the
 * workbook's.
 */
final class XlsxPackage implements AutoCloseable {

    /** The roster's parts: the first worksheet, and the shared strings (null when there are none). */
    record Parts(String sheet, String sharedStrings) {
    }

    /** Reads one part, {@code xml} on its start. */
    @FunctionalInterface
    interface PartReader<T> {
        T read(XMLStreamReader xml) throws XMLStreamException, RosterFileException;
    }

    private static final String SAVE_AGAIN = "save it again as .xlsx or CSV.";
    /** Elements inside one another: a worksheet needs 7; without a limit, 20 MB of them hold half a gigabyte. */
    private static final int MAX_XML_DEPTH = 64;

    private final ZipFile zip;
    private final String fileName;
    private final ReadWatch watch;
    private final UnpackedBytes unpacked;
    private final XMLInputFactory factory = XMLInputFactory.newDefaultFactory();

    private XlsxPackage(ZipFile zip, String fileName, ReadWatch watch) {
        this.zip = zip;
        this.fileName = fileName;
        this.watch = watch;
        this.unpacked = new UnpackedBytes(fileName, watch);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty("jdk.xml.maxElementDepth", String.valueOf(MAX_XML_DEPTH));
    }

    /** Opens {@code file}; refuses a zip with more entries than a workbook has. */
    static XlsxPackage open(Path file, String fileName, ReadWatch watch) throws RosterFileException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw damaged(fileName, e);
        }
        if (zip.size() > RosterLimits.MAX_ZIP_ENTRIES) {
            int entries = zip.size();
            closeQuietly(zip);
            throw new RosterFileException(fileName + " holds " + entries + " files inside; RallyLab reads workbooks"
                    + " of at most " + RosterLimits.MAX_ZIP_ENTRIES + " (a roster workbook holds about ten). "
                    + RosterLimits.SAVE_ONLY_THE_ROSTER);
        }
        return new XlsxPackage(zip, fileName, watch);
    }

    /** The workbook's first worksheet and its shared strings; refuses a workbook without a worksheet. */
    Parts rosterParts() throws RosterFileException {
        String workbook = relationships("").stream().filter(r -> r.type().endsWith("/officeDocument"))
                .map(Relationship::target).findFirst().orElse("xl/workbook.xml");
        List<Relationship> rels = relationships(workbook);
        List<String> sheetIds = read(workbook, xml -> {
            List<String> ids = new ArrayList<>();
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("sheet")) {
                    ids.add(relationshipId(xml));
                }
            }
            return ids;
        });
        String sheet = sheetIds.stream()
                .flatMap(id -> rels.stream().filter(r -> r.id().equals(id) && r.type().endsWith("/worksheet")))
                .map(Relationship::target).findFirst()
                .orElseThrow(() -> new RosterFileException(fileName + " has no worksheet. Open it in your"
                        + " spreadsheet program and " + SAVE_AGAIN));
        String sharedStrings = rels.stream().filter(r -> r.type().endsWith("/sharedStrings"))
                .map(Relationship::target).filter(part -> entry(part) != null).findFirst().orElse(null);
        long declared = Math.max(0, size(sheet)) + (sharedStrings == null ? 0 : Math.max(0, size(sharedStrings)));
        watch.phase(declared == 0 ? -1 : unpacked.count() + declared);
        return new Parts(sheet, sharedStrings);
    }

    /**
     * Reads {@code part} with {@code reader}. Whatever stops the read is turned into the
     * refusal that says why: the unpacked limit, a cancel, or a damaged file.
     */
    <T> T read(String part, PartReader<T> reader) throws RosterFileException {
        ZipEntry entry = entry(part);
        if (entry == null) {
            throw damaged(fileName, new IOException("no part " + part));
        }
        if (entry.getSize() > RosterLimits.MAX_UNPACKED_BYTES - unpacked.count()) {
            throw RosterLimits.unpacksTooMuch(fileName, part);
        }
        XMLStreamReader xml = null;
        try (InputStream in = unpacked.counted(part, zip.getInputStream(entry))) {
            xml = factory.createXMLStreamReader(in);
            return reader.read(xml);
        } catch (XMLStreamException | IOException | RuntimeException e) {
            unpacked.check();
            watch.stopIfCancelled();
            if (e instanceof CancellationException c) {
                throw c;
            }
            throw damaged(fileName, e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // the part is read or refused already
                }
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    static RosterFileException damaged(String fileName, Throwable cause) {
        return new RosterFileException(fileName + " could not be read as an Excel workbook: it may be damaged, or not"
                + " really an .xlsx file. Open it in your spreadsheet program and " + SAVE_AGAIN, cause);
    }

    /** One relationship of a part: its id, its type (a URI) and the part it points to. */
    private record Relationship(String id, String type, String target) {
    }

    /** The relationships of {@code source} ("" for the package itself), in the order written. */
    private List<Relationship> relationships(String source) throws RosterFileException {
        int slash = source.lastIndexOf('/');
        String rels = source.substring(0, slash + 1) + "_rels/" + source.substring(slash + 1) + ".rels";
        if (entry(rels) == null) {
            return List.of();
        }
        return read(rels, xml -> {
            List<Relationship> found = new ArrayList<>();
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")
                        && !"External".equals(xml.getAttributeValue(null, "TargetMode"))) {
                    String id = xml.getAttributeValue(null, "Id");
                    String type = xml.getAttributeValue(null, "Type");
                    String target = xml.getAttributeValue(null, "Target");
                    if (id != null && type != null && target != null) {
                        found.add(new Relationship(id, type, resolve(source, target)));
                    }
                }
            }
            return found;
        });
    }

    /** The r:id of a sheet element: the attribute "id" in the relationships namespace, whichever it is. */
    private static String relationshipId(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if (xml.getAttributeLocalName(i).equals("id") && namespace != null && !namespace.isEmpty()) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /** {@code target} of a relationship of {@code source}, as a part name (no leading slash). */
    static String resolve(String source, String target) {
        String path = target.startsWith("/") ? target.substring(1)
                : source.substring(0, source.lastIndexOf('/') + 1) + target;
        Deque<String> parts = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                parts.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.addLast(segment);
            }
        }
        return String.join("/", parts);
    }

    /** The entry of {@code part}; part names are compared ignoring case, as the format has it. */
    private ZipEntry entry(String part) {
        ZipEntry exact = zip.getEntry(part);
        if (exact != null) {
            return exact;
        }
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (entry.getName().equalsIgnoreCase(part)) {
                return entry;
            }
        }
        return null;
    }

    /** The size {@code part} declares (-1: none); shown as progress only, never trusted. */
    private long size(String part) {
        ZipEntry entry = entry(part);
        return entry == null ? -1 : entry.getSize();
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // read-only: nothing to lose
        }
    }
}
