package org.rallylab.sync.standin;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer a handler built: status, headers and an optional body (null: no body). */
record Reply(int status, Map<String, String> headers, byte[] body) {

    static Reply json(int status, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        return new Reply(status, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    static Reply empty(int status) {
        return new Reply(status, new LinkedHashMap<>(), null);
    }

    Reply with(String header, String value) {
        headers.put(header, value);
        return this;
    }
}
