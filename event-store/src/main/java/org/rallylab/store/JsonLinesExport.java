package org.rallylab.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.rallylab.domain.event.EventJson;

/**
 * {@code export-log}: every event of a rally file as one wire-format JSON object per line, in
 * order, then the closing line {@link JsonLinesImport#closingLine} with the event count and the
 * head of the {@link EventChain}, so {@code import-log} can tell a log changed after export.
 */
final class JsonLinesExport {

    private JsonLinesExport() {
    }

    static void write(RallyFile file, Writer out) throws RallyFileException, IOException {
        long[] count = new long[1];
        EventChain chain = new EventChain();
        try {
            file.replay(stored -> {
                try {
                    out.write(EventJson.write(stored.event()));
                    out.write('\n');
                    count[0]++;
                    chain.add(stored.type(), stored.timestamp(), stored.payloadJson());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.write(JsonLinesImport.closingLine(count[0], chain.headHex()));
        out.write('\n');
        out.flush();
    }
}
