package org.rallylab.app.ui.inspector;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.rallylab.domain.event.EventJson;

/** An event's stored payload, indented for reading. */
final class PrettyJson {

    private PrettyJson() {
    }

    static String of(String json) {
        try {
            return EventJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(EventJson.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            return json + "\n\n(not valid JSON: " + e.getOriginalMessage() + ")";
        }
    }
}
