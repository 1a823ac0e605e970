package org.rallylab.sync.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rallylab.sync.Migrations;
import org.rallylab.sync.pg.PgFixture;

/**
 * The migrations as an organizer runs them on a Supabase project: a database where, as on Supabase,
 * anon and authenticated get ALL on every new table, sequence and function in public by default;
 * each file run twice (someone pastes one again). Afterwards anon holds nothing of ours and
 * authenticated exactly what the access rules need.
 */
class MigrationsOnSupabaseTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static Connection db;

    @BeforeAll
    static void supabaseLikeDatabase() throws Exception {
        PgFixture pg = PgFixture.freshDatabase();
        String name = "supabase_like_" + NAMES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection c = pg.admin().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        db = DriverManager.getConnection(pg.jdbcUrl().replace("/" + pg.database() + "?", "/" + name + "?"));
        try (Statement s = db.createStatement()) {
            s.execute(bootstrap());
            s.execute("alter default privileges in schema public grant all on tables to anon, authenticated");
            s.execute("alter default privileges in schema public grant all on sequences to anon, authenticated");
            s.execute("alter default privileges in schema public grant all on functions to anon, authenticated");
            for (int round = 0; round < 2; round++) {
                for (Migrations.Migration m : Migrations.all()) {
                    s.execute(m.sql());
                }
            }
        }
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void migrations_all_listedInOrder() {
        assertThat(Migrations.all()).extracting(Migrations.Migration::name).containsExactly(
                "001_domain_events.sql", "002_rally_roles.sql", "003_access_functions.sql", "004_triggers.sql",
                "005_row_level_security.sql", "006_realtime.sql");
    }

    @Test
    void anon_ourTablesSequenceAndSchema_holdsNoPrivilege() throws Exception {
        assertThat(rows("select p from unnest(array['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p, "
                + "unnest(array['public.domain_events','public.rally_roles','rallylab.pending_invitations']) t "
                + "where has_table_privilege('anon', t, p)")).isEmpty();
        assertThat(rows("select 1 where has_sequence_privilege('anon', 'public.domain_events_id_seq', 'USAGE') "
                + "or has_sequence_privilege('anon', 'public.domain_events_id_seq', 'SELECT') "
                + "or has_sequence_privilege('anon', 'public.domain_events_id_seq', 'UPDATE') "
                + "or has_schema_privilege('anon', 'rallylab', 'USAGE')")).isEmpty();
    }

    @Test
    void authenticated_privileges_readAndAppendEventsAndReadRolesNothingMore() throws Exception {
        String privileges = "select t || ' ' || p from unnest(array['SELECT','INSERT','UPDATE','DELETE','TRUNCATE',"
                + "'REFERENCES','TRIGGER']) p, unnest(array['public.domain_events','public.rally_roles',"
                + "'rallylab.pending_invitations']) t where has_table_privilege('authenticated', t, p) order by 1";
        assertThat(rows(privileges)).containsExactly(
                "public.domain_events INSERT", "public.domain_events SELECT", "public.rally_roles SELECT");
        assertThat(rows("select 'usage' where has_sequence_privilege('authenticated', 'public.domain_events_id_seq', 'USAGE') "
                + "union all select 'update' where has_sequence_privilege('authenticated', 'public.domain_events_id_seq', 'UPDATE')"))
                .containsExactly("usage");
    }

    @Test
    void functions_execute_onlyThePolicyHelpersOnlyByAuthenticated() throws Exception {
        assertThat(rows("select p.proname || ' ' || r from pg_proc p join pg_namespace n on n.oid = p.pronamespace, "
                + "unnest(array['anon','authenticated']) r where n.nspname = 'rallylab' "
                + "and has_function_privilege(r, p.oid, 'EXECUTE') order by 1"))
                .containsExactly("caller_rally_ids authenticated", "is_rally_author authenticated",
                        "may_append authenticated");
        assertThat(rows("select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
                + "where n.nspname = 'rallylab' and p.proacl is null")).as("functions still executable by PUBLIC").isEmpty();
    }

    @Test
    void functions_everyOne_pinsItsSearchPathAndThoseReadingTablesRunAsDefiner() throws Exception {
        assertThat(rows("select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
                + "where n.nspname = 'rallylab' and not coalesce(p.proconfig @> array['search_path=\"\"'], false)"))
                .isEmpty();
        assertThat(rows("select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace "
                + "where n.nspname = 'rallylab' and not p.prosecdef order by 1"))
                .containsExactly("registrar_event_types");
    }

    @Test
    void rowLevelSecurity_ourTables_onWithNoUpdateOrDeletePolicy() throws Exception {
        assertThat(rows("select relname from pg_class where oid in ('public.domain_events'::regclass, "
                + "'public.rally_roles'::regclass, 'rallylab.pending_invitations'::regclass) and relrowsecurity order by 1"))
                .containsExactly("domain_events", "pending_invitations", "rally_roles");
        assertThat(rows("select tablename || ' ' || cmd || ' ' || array_to_string(roles, ',') from pg_policies "
                + "where schemaname in ('public', 'rallylab') order by 1")).containsExactly(
                "domain_events INSERT authenticated", "domain_events SELECT authenticated",
                "rally_roles SELECT authenticated");
    }

    @Test
    void pushKey_domainEvents_isANonPartialUniqueIndex() throws Exception {
        assertThat(rows("select pg_get_indexdef(indexrelid) from pg_index where indrelid = 'public.domain_events'::regclass "
                + "and indisunique and indpred is null and not indisprimary")).containsExactly(
                "CREATE UNIQUE INDEX domain_events_client_event_key ON public.domain_events USING btree "
                        + "(rally_id, section_id, client_event_id)");
    }

    @Test
    void domainEvents_publications_publishedToRealtime() throws Exception {
        assertThat(rows("select schemaname || '.' || tablename from pg_publication_tables "
                + "where pubname = 'supabase_realtime'")).containsExactly("public.domain_events");
    }

    private static List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static String bootstrap() throws Exception {
        try (InputStream in = PgFixture.class.getResourceAsStream("supabase-bootstrap.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
