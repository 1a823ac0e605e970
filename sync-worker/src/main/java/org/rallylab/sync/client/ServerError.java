package org.rallylab.sync.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The error body PostgREST ({@code code}, {@code message}, {@code details}, {@code hint}) or
 * GoTrue ({@code error_code}/{@code code}, {@code msg}, or the older {@code error},
 * {@code error_description}) sends; missing parts are empty strings.
 */
record ServerError(String code, String message, String details, String hint) {

    static final ServerError NONE = new ServerError("", "", "", "");

    static ServerError of(JsonNode body) {
        if (body == null || !body.isObject()) {
            return NONE;
        }
        String code = first(body, "error_code", "code", "error");
        String message = first(body, "message", "msg", "error_description", "error");
        return new ServerError(code, message, text(body, "details"), text(body, "hint"));
    }

    /** "message (code 42501). Details: … Hint: …", leaving out what the server did not send. */
    String describe() {
        StringBuilder s = new StringBuilder(message.isEmpty() ? "no explanation given" : message);
        if (!code.isEmpty() && !code.equals(message)) {
            s.append(" (code ").append(code).append(')');
        }
        if (!details.isEmpty()) {
            s.append(". Details: ").append(details);
        }
        if (!hint.isEmpty()) {
            s.append(". Hint: ").append(hint);
        }
        return s.toString();
    }

    private static String first(JsonNode body, String... names) {
        for (String name : names) {
            String value = text(body, name);
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    private static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return "";
        }
        return value.asText().strip();
    }
}
