package org.rallylab.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys of a wire object that this version does not know. They are kept, in their original
 * order, and written back unchanged (forward compatibility, docs/events.md), but never read by the fold.
 */
public record Extras(Map<String, JsonNode> fields) {

    public static final Extras NONE = new Extras(Map.of());

    public Extras {
        LinkedHashMap<String, JsonNode> copy = new LinkedHashMap<>();
        fields.forEach((key, value) -> copy.put(key, value.deepCopy()));
        fields = Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }
}
