package org.rallylab.app.prerace;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The shared strings of an .xlsx (the text cells point to them by number): each string is its
 * text runs joined, without phonetic guides, and at most {@link RosterLimits#MAX_CELL_CHARS}
 * long.
 */
final class SharedStrings {

    private SharedStrings() {
    }

    /** The strings of the part {@code xml} reads, in order. */
    static List<String> read(XMLStreamReader xml, String fileName) throws XMLStreamException, RosterFileException {
        List<String> strings = new ArrayList<>();
        CellText text = new CellText(fileName);
        boolean inText = false;
        int phonetic = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "si" -> text.clear();
                    case "t" -> inText = phonetic == 0;
                    case "rPh" -> phonetic++;
                    default -> {
                    }
                }
            } else if (inText && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE)) {
                text.append(xml, "");
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "si" -> strings.add(text.text());
                    case "t" -> inText = false;
                    case "rPh" -> phonetic--;
                    default -> {
                    }
                }
            }
        }
        return strings;
    }
}
