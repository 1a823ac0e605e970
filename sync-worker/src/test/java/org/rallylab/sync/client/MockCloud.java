package org.rallylab.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.rallylab.domain.testing.Await;

/** A MockWebServer posing as a Supabase project, and what the tests send it and expect back. */
public final class MockCloud implements AutoCloseable {

    public static final String ANON_KEY = "anon-key-eyJhbGciOiJIUzI1NiJ9.test";
    public static final String ACCESS = "access-token-SECRET-1";
    public static final String REFRESH = "refresh-token-SECRET-1";
    public static final String USER = "5f0c2b1e-8a4d-4e6f-9b3a-1c2d3e4f5a6b";
    public static final Instant NOW = Instant.parse("2026-02-15T09:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    public final MockWebServer server = new MockWebServer();
    public final CloudConfig config;
    public final CloudClient client;

    public MockCloud() throws IOException {
        server.start();
        String url = server.url("/").toString();
        config = new CloudConfig(url, ANON_KEY);
        client = new CloudClient(config, CloudClient.defaultHttpClient().newBuilder()
                .readTimeout(5, TimeUnit.SECONDS).build(), CLOCK);
    }

    /** A session that expires in an hour. */
    public static CloudSession session() {
        return new CloudSession(ACCESS, REFRESH, NOW.plusSeconds(3600), USER, "ava@example.org");
    }

    /** GoTrue's answer to verify or refresh. */
    public static MockResponse sessionAnswer(String access, String refresh, long expiresAt) {
        return json(200, "{\"access_token\":\"" + access + "\",\"token_type\":\"bearer\",\"expires_in\":3600,"
                + "\"expires_at\":" + expiresAt + ",\"refresh_token\":\"" + refresh + "\",\"user\":{\"id\":\""
                + USER + "\",\"aud\":\"authenticated\",\"email\":\"ava@example.org\"}}");
    }

    public static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json; charset=utf-8")
                .setBody(body);
    }

    public static MockResponse created() {
        return new MockResponse().setResponseCode(201);
    }

    /** PostgREST's answer to a pull of {@code rows}, numbering them from {@code firstId}. */
    public static MockResponse rows(List<EventRow> rows, long firstId) {
        ArrayNode array = JSON.createArrayNode();
        long id = firstId;
        for (EventRow row : rows) {
            ObjectNode node = row.toJson();
            node.put("id", id++);
            node.put("created_at", "2026-02-15T09:00:00.123456+00:00");
            array.add(node);
        }
        return json(200, array.toString());
    }

    public RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(Await.timeout().toSeconds(), TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the client sent no request within " + Await.timeout().toSeconds() + " s");
        }
        return request;
    }

    public static JsonNode tree(String json) throws IOException {
        return JSON.readTree(json);
    }

    /** An empty JSON object. */
    public static JsonNode tree0() {
        return JSON.createObjectNode();
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
