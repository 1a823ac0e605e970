package org.rallylab.sync.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.rallylab.sync.pg.PgFixture;

/**
 * A TEST STAND-IN for a Supabase project's HTTP API: it behaves like PostgREST and GoTrue (Supabase Auth)
 * where RallyLab depends on them, over a real PostgreSQL (a {@link PgFixture} database with Supabase's roles,
 * {@code auth} schema and our migrations). It is not PostgREST and not GoTrue; nothing in production uses it.
 *
 * <p>What it covers (on {@code http://127.0.0.1:<port>}):
 * <ul>
 *   <li>{@code POST /rest/v1/<table>} with a JSON object or array, {@code on_conflict=a,b},
 *       {@code Prefer: resolution=ignore-duplicates|merge-duplicates, return=minimal|representation};</li>
 *   <li>{@code GET /rest/v1/<table>} with {@code col=eq.|neq.|gt.|gte.|lt.|lte.|like.|ilike.|in.(..)|is.},
 *       {@code not.} before any of them, {@code select} (plain columns), {@code order}, {@code limit},
 *       {@code offset} or a {@code Range} header, {@code Prefer: count=exact}, a server-side row cap
 *       (db-max-rows, 1 000 by default) and PostgREST's {@code Content-Range};</li>
 *   <li>each REST request in one transaction with {@code set local role anon|authenticated} and
 *       {@code request.jwt.claims} set, so row-level security and grants decide; PostgREST's error bodies
 *       ({@code code, message, details, hint}) and statuses (42501: 403 signed in, 401 anon; 23505: 409;
 *       bad filter: 400 PGRST100; unknown column 42703: 400; bad or expired JWT: 401 PGRST301);</li>
 *   <li>GoTrue email one-time codes ({@code /auth/v1/otp}, {@code /auth/v1/verify}; the test reads the
 *       "mailed" code with {@link #lastCodeFor}) and refresh-token rotation ({@code /auth/v1/token?
 *       grant_type=refresh_token}); HS256 access tokens with a configurable lifetime;</li>
 *   <li>the {@code apikey} header checked on every request, as Supabase's gateway does;</li>
 *   <li>fault switches ({@link #faults()}) and {@link #restart()}.</li>
 * </ul>
 *
 * <p>What it does NOT cover: PATCH, DELETE, RPC, HEAD, embedded resources, {@code or}/{@code and} filters,
 * JSON operators, {@code columns=}, {@code Prefer: missing=default}, singular-object responses, schemas other
 * than {@code public}; GoTrue passwords, magic links, OAuth, sign-out, user metadata, rate limits, the
 * refresh-token reuse interval and real mail; realtime; JWT clock skew leeway (a token is expired at its
 * {@code exp}); TLS; service_role keys. Codes and refresh tokens live in memory (they survive
 * {@link #restart()}, not a new stand-in).
 */
public final class StandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String anonKey;
    private final byte[] secret;
    private final GoTrue goTrue;
    private final PostgRest postgRest;
    private final Faults faults = new Faults();
    private final AtomicLong requests = new AtomicLong();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "standin-http-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final int port;
    private HttpServer server;

    private StandIn(DataSource db, String anonKey) {
        if (anonKey == null || anonKey.isBlank()) {
            throw new IllegalArgumentException("give the stand-in an anon key (any non-blank string)");
        }
        this.anonKey = anonKey;
        this.secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.goTrue = new GoTrue(db, secret);
        this.postgRest = new PostgRest(db, 1000);
        this.server = bind(0);
        this.port = server.getAddress().getPort();
    }

    /** Starts a stand-in over this database on a free loopback port. */
    public static StandIn start(PgFixture pg, String anonKey) {
        return new StandIn(pg.admin(), anonKey);
    }

    /** The base URL, such as {@code http://127.0.0.1:41234} (no trailing slash). */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String anonKey() {
        return anonKey;
    }

    /** The 6-digit code last "mailed" to this email by {@code POST /auth/v1/otp}. */
    public String lastCodeFor(String email) {
        return goTrue.lastCodeFor(email).orElseThrow(() -> new IllegalStateException(
                "no code was mailed to " + email + ": call POST /auth/v1/otp for it first"));
    }

    /** Signs the email in directly (creating the user on first use), as otp + verify would: test setup. */
    public Session signIn(String email) {
        try {
            return goTrue.signIn(email);
        } catch (SQLException e) {
            throw new IllegalStateException("could not sign " + email + " in: " + e.getMessage(), e);
        }
    }

    /** An access token for this session's user, correctly signed, that expires at {@code expiresAt}. */
    public String accessTokenExpiringAt(Session session, Instant expiresAt) {
        return goTrue.accessToken(session.userId(), session.email(), expiresAt);
    }

    /** Lifetime of access tokens issued from now on (default one hour; zero or negative: already expired). */
    public StandIn tokenLifetime(Duration lifetime) {
        goTrue.tokenLifetime(lifetime);
        return this;
    }

    /** The server-side row cap of GET (PostgREST's db-max-rows; default 1 000). */
    public StandIn maxRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("the row cap must be at least 1: " + rows);
        }
        postgRest.maxRows(rows);
        return this;
    }

    public Faults faults() {
        return faults;
    }

    /** Requests received so far, faulted ones included. */
    public long requestCount() {
        return requests.get();
    }

    /** Stops the HTTP server (open connections are cut) and starts it again on the same port. */
    public synchronized void restart() {
        goDown();
        comeBack();
    }

    /** Stops the HTTP server: open connections are cut and new ones refused until {@link #comeBack()}. */
    public synchronized void goDown() {
        server.stop(0);
    }

    /** Starts the HTTP server again on the same port after {@link #goDown()}. */
    public synchronized void comeBack() {
        server = bind(port);
    }

    @Override
    public synchronized void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private HttpServer bind(int wanted) {
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 64);
                s.createContext("/", this::handle);
                s.setExecutor(executor);
                s.start();
                return s;
            } catch (BindException e) {
                last = e;
                sleep(Duration.ofMillis(50));
            } catch (IOException e) {
                throw new UncheckedIOException("the stand-in could not listen on 127.0.0.1:" + wanted, e);
            }
        }
        throw new UncheckedIOException("the stand-in could not listen on 127.0.0.1:" + wanted + " again", last);
    }

    private void handle(HttpExchange ex) {
        requests.incrementAndGet();
        try {
            sleep(faults.delay());
            int html = faults.takeHtml();
            if (html != 0) {
                send(ex, htmlPage(html));
                return;
            }
            if (faults.takeFailure()) {
                send(ex, error(ApiError.rest(500, "XX000", "injected fault: the stand-in answers 500",
                        "Faults.failNext", null)));
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            checkApiKey(ex);
            Reply reply = route(ex, body);
            if (reply == null) {
                ex.close();
                return;
            }
            send(ex, reply);
        } catch (ApiError e) {
            send(ex, error(e));
        } catch (SQLException e) {
            send(ex, error(ApiError.fromDatabase(e, false)));
        } catch (IOException | RuntimeException e) {
            send(ex, error(ApiError.rest(500, "XX000", "stand-in failure: " + e, null, null)));
        } finally {
            ex.close();
        }
    }

    /** The reply, or null when the connection is to be dropped without one. */
    private Reply route(HttpExchange ex, byte[] body) throws ApiError, SQLException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        String query = ex.getRequestURI().getRawQuery();
        if (path.startsWith("/rest/v1/")) {
            String table = path.substring("/rest/v1/".length());
            Caller caller = caller(ex);
            var prefer = ex.getRequestHeaders().get("Prefer");
            switch (method) {
                case "GET":
                    return postgRest.get(table, query, prefer, ex.getRequestHeaders().getFirst("Range"), caller);
                case "POST":
                    Reply reply = postgRest.post(table, query, prefer, body, caller);
                    return faults.takeDrop() ? null : reply;
                default:
                    throw ApiError.rest(405, "PGRST117", "Unsupported HTTP method: " + method,
                            "the stand-in serves GET and POST on /rest/v1 only", null);
            }
        }
        if (!method.equals("POST")) {
            throw ApiError.auth(405, "method_not_allowed", "the stand-in serves POST on /auth/v1 only");
        }
        switch (path) {
            case "/auth/v1/otp":
                return json(200, goTrue.otp(jsonBody(body)));
            case "/auth/v1/verify":
                return json(200, goTrue.verify(jsonBody(body)));
            case "/auth/v1/token":
                return json(200, goTrue.refresh(queryValue(query, "grant_type"), jsonBody(body)));
            default:
                throw ApiError.auth(404, "not_found", "no route " + method + " " + path + " in the stand-in");
        }
    }

    private void checkApiKey(HttpExchange ex) throws ApiError {
        String key = ex.getRequestHeaders().getFirst("apikey");
        if (key == null) {
            throw ApiError.rest(401, "no_api_key", "No API key found in request", null,
                    "No `apikey` request header or url param was found.");
        }
        if (!key.equals(anonKey)) {
            throw ApiError.rest(401, "invalid_api_key", "Invalid API key", null,
                    "Double check your Supabase `anon` or `service_role` API key.");
        }
    }

    private Caller caller(HttpExchange ex) throws ApiError {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return Caller.ANON;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.jwt("Authorization header must be Bearer <token>");
        }
        String token = header.substring(7).strip();
        if (token.equals(anonKey)) {
            return Caller.ANON;
        }
        ObjectNode claims;
        try {
            claims = Jwt.verify(token, secret, Instant.now());
        } catch (Jwt.Invalid e) {
            throw ApiError.jwt(e.getMessage());
        }
        String role = claims.path("role").asText("anon");
        if (!role.equals("anon") && !role.equals("authenticated")) {
            throw ApiError.jwt("the stand-in knows only the roles anon and authenticated, not " + role);
        }
        return new Caller(role, claims.toString());
    }

    private static JsonNode jsonBody(byte[] body) throws ApiError {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // reported below
        }
        throw ApiError.auth(400, "bad_json", "Could not parse request body as JSON object");
    }

    private static String queryValue(String rawQuery, String name) {
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    private static Reply json(int status, JsonNode body) {
        return Reply.json(status, body.toString());
    }

    private static Reply error(ApiError e) {
        Reply reply = Reply.json(e.status, e.body.toString());
        for (Map.Entry<String, String> h : e.headers.entrySet()) {
            reply.with(h.getKey(), h.getValue());
        }
        return reply;
    }

    private static Reply htmlPage(int status) {
        String title = status == 200 ? "Sign in to the network" : status + " Bad Gateway";
        String page = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return new Reply(status, new java.util.LinkedHashMap<>(Map.of("Content-Type", "text/html")),
                page.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, Reply reply) {
        try {
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            byte[] body = reply.body();
            boolean none = body == null || body.length == 0;
            ex.sendResponseHeaders(reply.status(), none ? -1 : body.length);
            if (!none) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // the client went away (or the server was restarted): nothing to answer to
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
