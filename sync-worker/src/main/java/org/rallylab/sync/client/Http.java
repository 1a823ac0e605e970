package org.rallylab.sync.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.rallylab.domain.event.EventJson;

/**
 * Sends one request with the Supabase headers and turns the answer into JSON or the right
 * {@link CloudException}. The bearer token is either the user's access token or, before
 * sign-in, the anon key; neither ever goes into a message.
 */
final class Http {

    static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = EventJson.mapper();

    private final OkHttpClient ok;
    private final CloudConfig config;
    private final Clock clock;

    Http(OkHttpClient ok, CloudConfig config, Clock clock) {
        this.ok = ok;
        this.config = config;
        this.clock = clock;
    }

    /** The request builder for {@code url}, with apikey, Authorization and Content-Type set. */
    Request.Builder request(HttpUrl url, String bearer) {
        return new Request.Builder()
                .url(url)
                .header("apikey", config.anonKey())
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", JSON.toString())
                .header("Accept", JSON.toString());
    }

    static RequestBody body(JsonNode json) {
        try {
            return RequestBody.create(MAPPER.writeValueAsBytes(json), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Runs {@code request}. A 2xx answer gives its JSON body, or null when the body is empty and
     * {@code bodyRequired} is false; a web page or garbage in a 2xx answer is {@link CloudException.NotJson},
     * so a Wi-Fi login page can never be taken for a success.
     */
    JsonNode send(Request request, String what, boolean bodyRequired) throws CloudException {
        Call call = ok.newCall(request);
        try (Response response = call.execute()) {
            int status = response.code();
            String type = contentType(response.body());
            String text = response.body() == null ? "" : response.body().string();
            if (status >= 200 && status < 300) {
                if (text.isBlank() && !bodyRequired) {
                    return null;
                }
                JsonNode json = parse(text, type);
                if (json == null) {
                    throw new CloudException.NotJson(status, CloudException.NotJson.WEB_PAGE + " (HTTP " + status
                            + " to " + what + (type.isEmpty() ? "" : ", " + type) + ")");
                }
                return json;
            }
            throw failure(response, status, type, text, what);
        } catch (IOException e) {
            throw new CloudException.Network("Cannot reach " + request.url().host() + " to " + what + " ("
                    + describe(e) + "): check the internet connection (syncing retries by itself)", e);
        }
    }

    private CloudException failure(Response response, int status, String type, String text, String what) {
        JsonNode json = parse(text, type);
        ServerError error = ServerError.of(json);
        String place = "HTTP " + status + " to " + what;
        if (status >= 300 && status < 400) {
            String where = response.header("Location", "another address");
            return new CloudException.NotJson(status, "The server sent the request elsewhere (" + place + ", to "
                    + where + "): check the URL in settings; it is the Project URL, like https://abcdefgh.supabase.co");
        }
        if (status == 429 || status >= 500) {
            Duration wait = RetryAfter.parse(response.header("Retry-After"), clock);
            String why = status == 429 ? "The server is busy (too many requests, " + place + ")"
                    : "The server had a problem (" + place + (error.message().isEmpty() ? "" : ": "
                    + error.describe()) + ")";
            return new CloudException.ServerBusy(status, wait, why + ": try again later (syncing retries by itself)");
        }
        if (status == 401) {
            return new CloudException.Unauthorized("Not signed in, or the sign-in has expired (" + place
                    + (error.message().isEmpty() ? "" : ": " + error.describe()) + "): sign in again");
        }
        if (status == 403) {
            return new CloudException.Forbidden(error.code(), error.message(), "The server refused this (" + place
                    + ": " + error.describe() + "). Ask the rally's organizer to check your role");
        }
        if (json == null) {
            return new CloudException.NotJson(status, CloudException.NotJson.WEB_PAGE + " (" + place
                    + (type.isEmpty() ? "" : ", " + type) + ")");
        }
        return new CloudException.Rejected(status, error, "The server refused this (" + place + "): "
                + error.describe());
    }

    /** The JSON of a body, or null when it is empty, a web page or not JSON. */
    private static JsonNode parse(String text, String type) {
        if (text.isBlank() || type.contains("html")) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String contentType(ResponseBody body) {
        MediaType type = body == null ? null : body.contentType();
        return type == null ? "" : (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
