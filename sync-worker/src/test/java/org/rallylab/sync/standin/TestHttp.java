package org.rallylab.sync.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain OkHttp client for the stand-in's tests (no silent retries, so faults are seen as they are). */
final class TestHttp {

    /** A response read completely. */
    record Answer(int status, okhttp3.Headers headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final OkHttpClient client = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .readTimeout(20, TimeUnit.SECONDS)
            .build();
    private final StandIn standIn;

    TestHttp(StandIn standIn) {
        this.standIn = standIn;
    }

    /** A request builder with the apikey and, when the token is not null, the bearer token. */
    Request.Builder request(String path, String token) {
        Request.Builder b = new Request.Builder().url(standIn.url() + path).header("apikey", standIn.anonKey());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    Answer get(String path, String token) throws IOException {
        return send(request(path, token).get().build());
    }

    Answer post(String path, String token, String prefer, String body) throws IOException {
        Request.Builder b = request(path, token).post(RequestBody.create(body, JSON_TYPE));
        if (prefer != null) {
            b.header("Prefer", prefer);
        }
        return send(b.build());
    }

    Answer send(Request request) throws IOException {
        try (Response r = client.newCall(request).execute()) {
            return new Answer(r.code(), r.headers(), r.body() == null ? "" : r.body().string());
        }
    }

    /** Forgets pooled keep-alive connections (after a restart of the stand-in they are dead). */
    void evictConnections() {
        client.connectionPool().evictAll();
    }

    void shutdown() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
