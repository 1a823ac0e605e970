package org.rallylab.sync.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The part of PostgREST RallyLab uses, over tables of the {@code public} schema: bulk insert with
 * {@code on_conflict} and {@code Prefer: resolution=..., return=...}, and reading with filters, order,
 * limit/offset (or {@code Range}) under a server-side row cap. Every request is one transaction that first
 * does {@code set local role} and {@code set_config('request.jwt.claims', ..., true)}, so row-level security
 * and grants decide, exactly as behind PostgREST.
 */
final class PostgRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Prefer header values PostgREST honours here. */
    private record Prefer(String resolution, String returning, boolean countExact) {

        static Prefer parse(List<String> headers) {
            String resolution = null;
            String returning = "minimal";
            boolean count = false;
            for (String header : headers == null ? List.<String>of() : headers) {
                for (String item : header.split(",")) {
                    String[] kv = item.strip().split("=", 2);
                    String value = kv.length == 2 ? kv[1].strip() : "";
                    switch (kv[0].strip().toLowerCase(Locale.ROOT)) {
                        case "resolution" -> resolution = value;
                        case "return" -> returning = value;
                        case "count" -> count = value.equals("exact");
                        default -> {
                            // PostgREST ignores preferences it does not know (lenient handling)
                        }
                    }
                }
            }
            return new Prefer(resolution, returning, count);
        }

        String applied() {
            List<String> parts = new ArrayList<>();
            if (resolution != null) {
                parts.add("resolution=" + resolution);
            }
            parts.add("return=" + returning);
            return String.join(", ", parts);
        }
    }

    private final DataSource db;
    private volatile int maxRows;

    PostgRest(DataSource db, int maxRows) {
        this.db = db;
        this.maxRows = maxRows;
    }

    void maxRows(int rows) {
        this.maxRows = rows;
    }

    /** {@code GET /rest/v1/<table>}. */
    Reply get(String table, String rawQuery, List<String> prefer, String range, Caller caller) throws ApiError {
        RestQuery q = RestQuery.parse(rawQuery);
        Prefer p = Prefer.parse(prefer);
        long offset = q.offset();
        Long limit = q.limit();
        if (range != null && limit == null && offset == 0) {
            long[] r = range(range);
            offset = r[0];
            limit = r[1] < 0 ? null : r[1] - r[0] + 1;
        }
        long cap = maxRows;
        long effective = limit == null ? cap : Math.min(limit, cap);
        long start = offset;
        String from = " from " + qualified(table) + q.where();
        String sql = "select coalesce(json_agg(t), '[]')::text, count(*) from (select " + q.select() + from
                + q.orderBy() + " limit " + effective + " offset " + start + ") t";
        return inTransaction(caller, true, c -> {
            String body;
            long rows;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                q.bind(s, 1);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    body = rs.getString(1);
                    rows = rs.getLong(2);
                }
            }
            String total = "*";
            int status = 200;
            if (p.countExact()) {
                try (PreparedStatement s = c.prepareStatement("select count(*)" + from)) {
                    q.bind(s, 1);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        long all = rs.getLong(1);
                        total = Long.toString(all);
                        if (start + rows < all || start > 0) {
                            status = 206;
                        }
                    }
                }
            }
            String shown = rows == 0 ? "*" : start + "-" + (start + rows - 1);
            return Reply.json(status, body).with("Content-Range", shown + "/" + total);
        });
    }

    /** {@code POST /rest/v1/<table>} with a JSON object or array of objects. */
    Reply post(String table, String rawQuery, List<String> prefer, byte[] body, Caller caller) throws ApiError {
        RestQuery q = RestQuery.parse(rawQuery);
        Prefer p = Prefer.parse(prefer);
        JsonNode rows = rows(body);
        boolean representation = p.returning().equals("representation");
        if (rows.isEmpty()) {
            Reply empty = representation ? Reply.json(201, "[]") : Reply.empty(201);
            return empty.with("Content-Range", "*/*").with("Preference-Applied", p.applied());
        }
        List<String> columns = columns(rows);
        String cols = String.join(", ", columns);
        String target = qualified(table);
        return inTransaction(caller, false, c -> {
            StringBuilder insert = new StringBuilder("insert into ").append(target).append(" (").append(cols)
                    .append(") select ").append(cols).append(" from json_populate_recordset(null::").append(target)
                    .append(", ?::json)");
            insert.append(conflictClause(c, target, q.onConflict(), p.resolution(), columns));
            Reply reply;
            if (representation) {
                String sql = "with ins as (" + insert + " returning *) select coalesce(json_agg(ins), '[]')::text from ins";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, rows.toString());
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        reply = Reply.json(201, rs.getString(1));
                    }
                }
            } else {
                try (PreparedStatement s = c.prepareStatement(insert.toString())) {
                    s.setString(1, rows.toString());
                    s.executeUpdate();
                }
                reply = Reply.empty(201);
            }
            return reply.with("Content-Range", "*/*").with("Preference-Applied", p.applied());
        });
    }

    private interface Work {
        Reply run(Connection c) throws SQLException, ApiError;
    }

    private Reply inTransaction(Caller caller, boolean readOnly, Work work) throws ApiError {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    if (readOnly) {
                        s.execute("set transaction read only");
                    }
                    s.execute("set local role " + RestQuery.quote(caller.role()));
                }
                try (PreparedStatement s = c.prepareStatement(
                        "select set_config('request.jwt.claims', ?, true)")) {
                    s.setString(1, caller.claimsJson());
                    s.execute();
                }
                Reply reply = work.run(c);
                c.commit();
                return reply;
            } catch (SQLException | ApiError | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw ApiError.fromDatabase(e, caller.signedIn());
        }
    }

    private static String conflictClause(Connection c, String target, List<String> onConflict, String resolution,
                                         List<String> columns) throws SQLException, ApiError {
        if (resolution == null) {
            return "";
        }
        if (!resolution.equals("ignore-duplicates") && !resolution.equals("merge-duplicates")) {
            throw ApiError.rest(400, "PGRST100", "unknown resolution " + resolution,
                    "Prefer: resolution= takes ignore-duplicates or merge-duplicates", null);
        }
        List<String> keys = onConflict.isEmpty() ? primaryKey(c, target) : onConflict;
        String on = keys.isEmpty() ? " on conflict" : " on conflict (" + String.join(", ", keys) + ")";
        if (resolution.equals("ignore-duplicates")) {
            return on + " do nothing";
        }
        if (keys.isEmpty()) {
            throw ApiError.rest(400, "PGRST100", "merge-duplicates needs on_conflict or a primary key", null, null);
        }
        List<String> sets = new ArrayList<>();
        for (String col : columns) {
            sets.add(col + " = excluded." + col);
        }
        return on + " do update set " + String.join(", ", sets);
    }

    private static List<String> primaryKey(Connection c, String target) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select a.attname from pg_index i join pg_attribute a "
                + "on a.attrelid = i.indrelid and a.attnum = any(i.indkey) "
                + "where i.indrelid = ?::regclass and i.indisprimary order by a.attnum")) {
            s.setString(1, target);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(RestQuery.quote(rs.getString(1)));
                }
            }
        }
        return keys;
    }

    private static JsonNode rows(byte[] body) throws ApiError {
        JsonNode node;
        try {
            node = body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !(node.isArray() || node.isObject())) {
            throw ApiError.rest(400, "PGRST102", "Empty or invalid json", null, null);
        }
        if (node.isObject()) {
            node = JSON.createArrayNode().add(node);
        }
        for (JsonNode row : node) {
            if (!row.isObject()) {
                throw ApiError.rest(400, "PGRST102", "Empty or invalid json", "every element must be an object", null);
            }
        }
        return node;
    }

    private static List<String> columns(JsonNode rows) throws ApiError {
        Set<String> first = new HashSet<>();
        List<String> quoted = new ArrayList<>();
        for (Iterator<String> it = rows.get(0).fieldNames(); it.hasNext(); ) {
            String name = it.next();
            first.add(name);
            quoted.add(RestQuery.quote(name));
        }
        for (JsonNode row : rows) {
            Set<String> keys = new HashSet<>();
            row.fieldNames().forEachRemaining(keys::add);
            if (!keys.equals(first)) {
                throw ApiError.rest(400, "PGRST102", "All object keys must match", null, null);
            }
        }
        if (quoted.isEmpty()) {
            throw ApiError.rest(400, "PGRST102", "Empty or invalid json", "the objects have no keys", null);
        }
        return quoted;
    }

    private static String qualified(String table) throws ApiError {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw ApiError.rest(404, "PGRST205", "Could not find the table 'public." + table + "' in the schema cache",
                    null, null);
        }
        return RestQuery.quote("public") + "." + RestQuery.quote(table);
    }

    private static long[] range(String header) throws ApiError {
        String[] parts = header.strip().split("-", -1);
        try {
            long from = Long.parseLong(parts[0]);
            long to = parts.length == 2 && !parts[1].isEmpty() ? Long.parseLong(parts[1]) : -1;
            if (parts.length == 2 && from >= 0 && (to == -1 || to >= from)) {
                return new long[] {from, to};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiError.rest(416, "PGRST103", "Requested range not satisfiable", "Range takes from-to, such as 0-999",
                null);
    }
}
