package org.rallylab.sync.standin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.rallylab.sync.pg.PgFixture;

/**
 * A small table with row-level security, created in a test's own database, to test the stand-in's protocol
 * independently of the RallyLab schema: a user inserts and reads only rows they own; nobody updates; anon
 * has no grant at all.
 */
final class ProbeTable {

    static final String REST = "/rest/v1/probe";

    private ProbeTable() {
    }

    static void create(PgFixture pg) throws SQLException {
        try (Connection c = pg.admin().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table public.probe ("
                    + " id bigserial primary key,"
                    + " owner uuid not null,"
                    + " section_id uuid,"
                    + " k bigint,"
                    + " payload jsonb not null default '{}',"
                    + " created_at timestamptz not null default now(),"
                    + " unique (owner, section_id, k))");
            s.execute("alter table public.probe enable row level security");
            s.execute("create policy probe_insert on public.probe for insert to authenticated "
                    + "with check (owner = auth.uid())");
            s.execute("create policy probe_select on public.probe for select to authenticated "
                    + "using (owner = auth.uid())");
            s.execute("grant select, insert, update on public.probe to authenticated");
            s.execute("grant usage on sequence public.probe_id_seq to authenticated");
        }
    }

    static long count(PgFixture pg, String where) throws SQLException {
        try (Connection c = pg.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from public.probe where " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
