package org.rallylab.sync.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.rallylab.domain.event.EventJson;
import org.rallylab.sync.pg.PgFixture;

/**
 * Runs SQL the way PostgREST runs a request: one transaction that does {@code set local role}
 * (authenticated with a session, anon without), sets {@code request.jwt.claims} to the caller's
 * claims for that transaction only, then runs the statement. Row-level security decides.
 */
final class AsUser {

    /** Work done inside one request's transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final PgFixture pg;
    private final UUID id;
    private final String email;

    private AsUser(PgFixture pg, UUID id, String email) {
        this.pg = pg;
        this.id = id;
        this.email = email;
    }

    /** A signed-in user (role authenticated, claims with sub and email). */
    static AsUser signedIn(PgFixture pg, UUID id, String email) {
        return new AsUser(pg, id, email);
    }

    /** A request without a session (role anon, no sub). */
    static AsUser anon(PgFixture pg) {
        return new AsUser(pg, null, null);
    }

    UUID id() {
        return id;
    }

    /** One request, committed when the work succeeds, rolled back when it throws. */
    <T> T request(Work<T> work) throws SQLException {
        return run(work, true);
    }

    /** One request that is always rolled back: a probe that leaves the database as it was. */
    <T> T probe(Work<T> work) throws SQLException {
        return run(work, false);
    }

    /**
     * Inserts rows as PostgREST does for {@code POST /rest/v1/domain_events?on_conflict=rally_id,section_id,client_event_id}
     * with {@code Prefer: resolution=ignore-duplicates}: a JSON array through json_populate_recordset,
     * ON CONFLICT DO NOTHING, counted through RETURNING. Returns how many rows were stored.
     */
    int push(List<EventRow> rows) throws SQLException {
        return request(c -> push(c, rows, true));
    }

    static int push(Connection c, List<EventRow> rows, boolean ignoreDuplicates) throws SQLException {
        ArrayNode body = EventJson.mapper().createArrayNode();
        rows.forEach(r -> body.add(r.toJson()));
        String columns = "rally_id, section_id, event_type, payload, created_by, client_event_id";
        String sql = "with pgrst_source as (insert into public.domain_events (" + columns + ") select " + columns
                + " from json_populate_recordset(null::public.domain_events, ?::json) _"
                + (ignoreDuplicates ? " on conflict (rally_id, section_id, client_event_id) do nothing" : "")
                + " returning 1) select count(*) from pgrst_source";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, body.toString());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A single number from a query run as this caller (e.g. a count). */
    long count(String sql, Object... params) throws SQLException {
        return request(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    p.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Runs a statement as this caller (committed on success); returns its update count. */
    int execute(String sql, Object... params) throws SQLException {
        return request(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    p.setObject(i + 1, params[i]);
                }
                return p.executeUpdate();
            }
        });
    }

    private <T> T run(Work<T> work, boolean commit) throws SQLException {
        try (Connection c = pg.admin().getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute(id == null ? "set local role anon" : "set local role authenticated");
                }
                try (PreparedStatement p = c.prepareStatement("select set_config('request.jwt.claims', ?, true)")) {
                    p.setString(1, claims());
                    p.execute();
                }
                T result = work.run(c);
                if (commit) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private String claims() {
        var claims = EventJson.mapper().createObjectNode();
        if (id == null) {
            claims.put("role", "anon");
        } else {
            claims.put("sub", id.toString());
            claims.put("role", "authenticated");
            claims.put("email", email);
        }
        return claims.toString();
    }
}
