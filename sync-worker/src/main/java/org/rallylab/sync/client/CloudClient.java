package org.rallylab.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.rallylab.domain.event.EventJson;

/**
 * Talks to a Supabase project over plain HTTPS: GoTrue's email
 * one-time code sign-in and token refresh, and PostgREST's {@code domain_events} push
 * (ignore-duplicates upsert) and paged pull. Every call blocks its caller: run it off the
 * race loop's and the UI's threads. One instance shares one OkHttpClient (connection pool);
 * it is thread-safe. Failures are {@link CloudException}s whose messages say what to do.
 */
public final class CloudClient {

    /** Rows per response most servers send at most (PostgREST {@code max-rows} on Supabase). */
    public static final int SERVER_ROW_CAP = 1000;

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String ON_CONFLICT = "rally_id,section_id,client_event_id";

    private final CloudConfig config;
    private final Http http;
    private final Clock clock;

    /** A client with its own OkHttpClient: 10 s to connect, 30 s to read or write, 60 s per call. */
    public CloudClient(CloudConfig config) {
        this(config, defaultHttpClient(), Clock.systemUTC());
    }

    /** A client over {@code ok} (redirects should be off: a redirected POST loses its body). */
    public CloudClient(CloudConfig config, OkHttpClient ok, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = new Http(Objects.requireNonNull(ok, "ok"), config, clock);
    }

    /** The OkHttpClient {@link #CloudClient(CloudConfig)} uses. */
    public static OkHttpClient defaultHttpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60))
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
    }

    public CloudConfig config() {
        return config;
    }

    /** Asks GoTrue to mail a one-time code to {@code email} (creating the user on first sign-in). */
    public void requestCode(String email) throws CloudException {
        ObjectNode body = object().put("email", checkEmail(email)).put("create_user", true);
        http.send(http.request(auth("otp"), config.anonKey()).post(Http.body(body)).build(),
                "send a sign-in code", false);
    }

    /** Signs in with the code from the mail. */
    public CloudSession verifyCode(String email, String code) throws CloudException {
        String cleaned = code == null ? "" : code.replaceAll("[\\s-]", "");
        if (!cleaned.matches("[0-9]{6,10}")) {
            throw new IllegalArgumentException("The sign-in code is the 6-digit number from the email; \""
                    + (code == null ? "" : code.strip()) + "\" is not one");
        }
        String address = checkEmail(email);
        ObjectNode body = object().put("type", "email").put("email", address).put("token", cleaned);
        JsonNode answer;
        try {
            answer = http.send(http.request(auth("verify"), config.anonKey()).post(Http.body(body)).build(),
                    "check the sign-in code", true);
        } catch (CloudException.Forbidden e) {
            // GoTrue answers a wrong or expired code with 403: about the code, not about a role
            throw new CloudException.Rejected(403, new ServerError(e.code(), e.serverMessage(), "", ""),
                    "The sign-in code was refused (" + (e.serverMessage().isEmpty() ? "HTTP 403"
                    : e.serverMessage()) + "): check the code in the latest email, or ask for a new one");
        }
        return session(answer, address);
    }

    /** A new session from the refresh token of {@code session} (the old refresh token is used up). */
    public CloudSession refresh(CloudSession session) throws CloudException {
        ObjectNode body = object().put("refresh_token", session.refreshToken());
        HttpUrl url = auth("token").newBuilder().addQueryParameter("grant_type", "refresh_token").build();
        JsonNode answer = http.send(http.request(url, config.anonKey()).post(Http.body(body)).build(),
                "renew the sign-in", true);
        return session(answer, session.email());
    }

    /**
     * Inserts {@code rows}, skipping any the server already holds (same rally, section and
     * client_event_id), so sending a batch again after a lost answer is harmless. Returns
     * normally only after a 2xx answer.
     */
    public void push(CloudSession session, List<EventRow> rows) throws CloudException {
        if (rows.isEmpty()) {
            return;
        }
        ArrayNode body = EventJson.mapper().createArrayNode();
        for (EventRow row : rows) {
            body.add(row.toJson());
        }
        HttpUrl url = rest().newBuilder().addEncodedQueryParameter("on_conflict", ON_CONFLICT).build();
        Request request = http.request(url, session.accessToken())
                .header("Prefer", "resolution=ignore-duplicates,return=minimal")
                .post(Http.body(body))
                .build();
        http.send(request, "push " + rows.size() + " event(s)", false);
    }

    /** One page of a rally's events in server order: at most {@code limit} rows from {@code offset}. */
    public List<PulledEvent> pull(CloudSession session, String rallyId, long offset, int limit) throws CloudException {
        String rally = checkRallyId(rallyId);
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("pull(offset " + offset + ", limit " + limit
                    + "): the offset must be 0 or more and the limit 1 or more");
        }
        HttpUrl url = rest().newBuilder()
                .addEncodedQueryParameter("rally_id", "eq." + rally)
                .addEncodedQueryParameter("order", "id.asc")
                .addEncodedQueryParameter("limit", Integer.toString(limit))
                .addEncodedQueryParameter("offset", Long.toString(offset))
                .build();
        JsonNode answer = http.send(http.request(url, session.accessToken()).get().build(),
                "read the events of rally " + rally, true);
        return Rows.decode(answer, rally);
    }

    /**
     * One page of a rally's events in server order with row ids above {@code afterId}: at most
     * {@code limit} rows. Paging by row id (not offset) never skips or repeats a row when others
     * push meanwhile; keep asking until a page comes back empty.
     */
    public List<PulledEvent> pullAfter(CloudSession session, String rallyId, long afterId, int limit)
            throws CloudException {
        String rally = checkRallyId(rallyId);
        if (afterId < 0 || limit < 1) {
            throw new IllegalArgumentException("pullAfter(row " + afterId + ", limit " + limit
                    + "): the row id must be 0 or more and the limit 1 or more");
        }
        HttpUrl url = rest().newBuilder()
                .addEncodedQueryParameter("rally_id", "eq." + rally)
                .addEncodedQueryParameter("id", "gt." + afterId)
                .addEncodedQueryParameter("order", "id.asc")
                .addEncodedQueryParameter("limit", Integer.toString(limit))
                .build();
        JsonNode answer = http.send(http.request(url, session.accessToken()).get().build(),
                "read the new events of rally " + rally, true);
        return Rows.decode(answer, rally);
    }

    /**
     * The rallies the signed-in user has a role in, oldest first: their RallyCreated rows, which
     * row-level security shows only to someone with a role in the rally.
     */
    public List<CloudRally> rallies(CloudSession session) throws CloudException {
        List<CloudRally> rallies = new ArrayList<>();
        while (true) {
            HttpUrl url = rest().newBuilder()
                    .addEncodedQueryParameter("event_type", "eq.RallyCreated")
                    .addEncodedQueryParameter("select", "rally_id,payload")
                    .addEncodedQueryParameter("order", "id.asc")
                    .addEncodedQueryParameter("limit", Integer.toString(SERVER_ROW_CAP))
                    .addEncodedQueryParameter("offset", Integer.toString(rallies.size()))
                    .build();
            JsonNode answer = http.send(http.request(url, session.accessToken()).get().build(),
                    "list your rallies", true);
            if (answer == null || !answer.isArray()) {
                throw new CloudException.NotJson(200, CloudException.NotJson.WEB_PAGE
                        + " (the answer to the list of rallies is not a list)");
            }
            if (answer.isEmpty()) {
                return List.copyOf(rallies);
            }
            for (JsonNode row : answer) {
                JsonNode payload = row.path("payload");
                String date = payload.path("rally_date").asText("");
                rallies.add(new CloudRally(row.path("rally_id").asText(""), payload.path("rally_name").asText(""),
                        date.isEmpty() ? null : date));
            }
        }
    }

    /**
     * Every event of a rally, page by page until a page comes back empty. A short page is not
     * taken as the end: a server may send fewer rows than asked for (PostgREST's max-rows, 1 000 on
     * Supabase, less on other servers), and stopping there would silently lose the rest.
     */
    public List<PulledEvent> pullAll(CloudSession session, String rallyId, int pageSize) throws CloudException {
        if (pageSize < 1 || pageSize > SERVER_ROW_CAP) {
            throw new IllegalArgumentException("page size " + pageSize + ": use 1 to " + SERVER_ROW_CAP
                    + " (servers send at most " + SERVER_ROW_CAP + " rows per answer)");
        }
        List<PulledEvent> all = new ArrayList<>();
        while (true) {
            List<PulledEvent> page = pull(session, rallyId, all.size(), pageSize);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
        }
    }

    private CloudSession session(JsonNode answer, String fallbackEmail) throws CloudException {
        String access = answer.path("access_token").asText("");
        String refresh = answer.path("refresh_token").asText("");
        JsonNode user = answer.path("user");
        String userId = user.path("id").asText("");
        if (access.isEmpty() || refresh.isEmpty() || userId.isEmpty()) {
            throw new CloudException.NotJson(200, "The server's answer to sign-in holds no session (no"
                    + " access_token, refresh_token or user id): check the URL in settings; it is the Project URL,"
                    + " like https://abcdefgh.supabase.co");
        }
        Instant expiresAt;
        if (answer.path("expires_at").canConvertToLong() && answer.path("expires_at").isNumber()) {
            expiresAt = Instant.ofEpochSecond(answer.path("expires_at").asLong());
        } else {
            expiresAt = clock.instant().plusSeconds(answer.path("expires_in").asLong(3600));
        }
        String email = user.path("email").asText("");
        return new CloudSession(access, refresh, expiresAt, userId, email.isEmpty() ? fallbackEmail : email);
    }

    private HttpUrl auth(String endpoint) {
        return config.baseUrl().newBuilder().addPathSegments("auth/v1/" + endpoint).build();
    }

    private HttpUrl rest() {
        return config.baseUrl().newBuilder().addPathSegments("rest/v1/domain_events").build();
    }

    private static ObjectNode object() {
        return EventJson.mapper().createObjectNode();
    }

    private static String checkEmail(String email) {
        String address = email == null ? "" : email.strip();
        if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("\"" + address + "\" is not an email address: type the address the"
                    + " sign-in code should go to, like name@example.org");
        }
        return address;
    }

    private static String checkRallyId(String rallyId) {
        String id = rallyId == null ? "" : rallyId.strip();
        if (!UUID_TEXT.matcher(id).matches()) {
            throw new IllegalArgumentException("\"" + id + "\" is not a rally id (a UUID like"
                    + " 8d4c5a2e-0d6b-4c55-9a0e-6f1d2b3c4d5e)");
        }
        return id.toLowerCase(Locale.ROOT);
    }
}
