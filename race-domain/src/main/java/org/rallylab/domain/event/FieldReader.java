package org.rallylab.domain.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads typed fields out of one JSON object and remembers which keys it read, so the rest
 * can be kept as {@link Extras}. Every failure names the field path and the bad value.
 */
final class FieldReader {

    @FunctionalInterface
    interface ElementReader<T> {
        T read(FieldReader element) throws EventFormatException;
    }

    private final ObjectNode node;
    private final String owner;
    private final String path;
    /** The keys read or skipped, in order (a handful per object: a list is cheaper than a set here). */
    private final List<String> read = new ArrayList<>(8);
    /** How many of the keys read or skipped the object has: when all of its keys, there are no extras. */
    private int presentRead;

    FieldReader(ObjectNode node, String owner, String path) {
        this.node = node;
        this.owner = owner;
        this.path = path;
    }

    String text(String key) throws EventFormatException {
        JsonNode value = present(key);
        if (!value.isTextual()) {
            throw wrong(key, "must be text", value);
        }
        return value.textValue();
    }

    /** Text, or null when the key is absent or null. */
    String optionalText(String key) throws EventFormatException {
        JsonNode value = optional(key);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrong(key, "must be text", value);
        }
        return value.textValue();
    }

    boolean has(String key) {
        return node.has(key);
    }

    int integer(String key) throws EventFormatException {
        return toInt(key, present(key));
    }

    Integer optionalInteger(String key) throws EventFormatException {
        JsonNode value = optional(key);
        return value == null ? null : toInt(key, value);
    }

    long wholeNumber(String key) throws EventFormatException {
        JsonNode value = present(key);
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw wrong(key, "must be a whole number", value);
        }
        return value.asLong();
    }

    boolean optionalBoolean(String key) throws EventFormatException {
        JsonNode value = optional(key);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw wrong(key, "must be true or false", value);
        }
        return value.booleanValue();
    }

    /** A car number: text kept verbatim, or a JSON number turned into its decimal string. */
    String carNumber(String key) throws EventFormatException {
        String number = optionalCarNumber(key);
        if (number == null) {
            throw missing(key);
        }
        return number;
    }

    String optionalCarNumber(String key) throws EventFormatException {
        JsonNode value = optional(key);
        if (value == null) {
            return null;
        }
        String number;
        if (value.isTextual()) {
            number = value.textValue().strip();
        } else if (value.isNumber()) {
            BigDecimal decimal = value.decimalValue().stripTrailingZeros();
            number = decimal.scale() <= 0 ? decimal.toBigIntegerExact().toString() : decimal.toPlainString();
        } else {
            throw wrong(key, "must be a car number (text or a number)", value);
        }
        if (number.isEmpty()) {
            throw wrong(key, "must not be empty", value);
        }
        return number;
    }

    List<Integer> lanes(String key) throws EventFormatException {
        JsonNode value = present(key);
        if (!value.isArray()) {
            throw wrong(key, "must be a list of lane numbers", value);
        }
        List<Integer> lanes = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            lanes.add(toLane(key + "[" + i + "]", value.get(i)));
        }
        return lanes;
    }

    <T> List<T> list(String key, ElementReader<T> reader) throws EventFormatException {
        JsonNode value = present(key);
        if (!value.isArray()) {
            throw wrong(key, "must be a list", value);
        }
        List<T> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            items.add(reader.read(element(key + "[" + i + "]", value.get(i))));
        }
        return items;
    }

    <T> T object(String key, ElementReader<T> reader) throws EventFormatException {
        return reader.read(element(key, present(key)));
    }

    /** An object of lane ("1") to a time; fractional values are rounded to the nearest unit. */
    SortedMap<Integer, Long> laneTimes(String key) throws EventFormatException {
        return laneTimes(key, present(key));
    }

    SortedMap<Integer, Long> optionalLaneTimes(String key) throws EventFormatException {
        JsonNode value = optional(key);
        return value == null ? null : laneTimes(key, value);
    }

    Extras extras() {
        if (presentRead == node.size()) {
            return Extras.NONE; // every key of the object was read: a replay's usual case, no lookups
        }
        Map<String, JsonNode> rest = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            if (!read.contains(entry.getKey())) {
                rest.put(entry.getKey(), entry.getValue());
            }
        });
        return rest.isEmpty() ? Extras.NONE : new Extras(rest);
    }

    /** Marks keys as understood without reading them (the envelope keys type and timestamp). */
    void skip(String... keys) {
        for (String key : keys) {
            mark(key, node.get(key));
        }
    }

    /** Notes {@code key} (whose value is {@code value}, null when absent) as read, once. */
    private void mark(String key, JsonNode value) {
        if (!read.contains(key)) {
            read.add(key);
            if (value != null) {
                presentRead++;
            }
        }
    }

    private SortedMap<Integer, Long> laneTimes(String key, JsonNode value) throws EventFormatException {
        if (!value.isObject()) {
            throw wrong(key, "must be an object of lane to time, like {\"1\": 2345}", value);
        }
        SortedMap<Integer, Long> times = new TreeMap<>();
        var fields = value.fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            String lanePath = key + "." + entry.getKey();
            int lane = parseLaneKey(lanePath, entry.getKey());
            JsonNode time = entry.getValue();
            if (!time.isNumber()) {
                throw wrong(lanePath, "must be a number", time);
            }
            double raw = time.doubleValue();
            if (raw < 0 || raw > Long.MAX_VALUE / 2.0 || Double.isNaN(raw)) {
                throw wrong(lanePath, "must be a time of 0 or more", time);
            }
            times.put(lane, time.canConvertToExactIntegral() ? time.asLong() : Math.round(raw));
        }
        return times;
    }

    private int parseLaneKey(String lanePath, String laneKey) throws EventFormatException {
        int lane;
        try {
            lane = Integer.parseInt(laneKey);
        } catch (NumberFormatException e) {
            throw new EventFormatException(prefix(lanePath) + " is not a lane: lane keys are numbers like \"1\"");
        }
        if (lane < 1) {
            throw new EventFormatException(prefix(lanePath) + " is not a lane: lanes are numbered from 1");
        }
        return lane;
    }

    private int toLane(String key, JsonNode value) throws EventFormatException {
        int lane = toInt(key, value);
        if (lane < 1) {
            throw wrong(key, "must be a lane number of 1 or more", value);
        }
        return lane;
    }

    private int toInt(String key, JsonNode value) throws EventFormatException {
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToInt()) {
            throw wrong(key, "must be a whole number", value);
        }
        return value.asInt();
    }

    private FieldReader element(String key, JsonNode value) throws EventFormatException {
        if (!value.isObject()) {
            throw wrong(key, "must be an object", value);
        }
        return new FieldReader((ObjectNode) value, owner, path.isEmpty() ? key : path + "." + key);
    }

    private JsonNode present(String key) throws EventFormatException {
        JsonNode value = optional(key);
        if (value == null) {
            throw missing(key);
        }
        return value;
    }

    private JsonNode optional(String key) {
        JsonNode value = node.get(key);
        mark(key, value);
        return value == null || value.isNull() ? null : value;
    }

    private EventFormatException missing(String key) {
        return new EventFormatException(prefix(key) + " is missing");
    }

    private EventFormatException wrong(String key, String rule, JsonNode value) {
        return new EventFormatException(prefix(key) + " " + rule + ", got " + shortText(value));
    }

    private String prefix(String key) {
        String full = path.isEmpty() ? key : path + "." + key;
        return owner + ": \"" + full + "\"";
    }

    static String shortText(JsonNode value) {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
