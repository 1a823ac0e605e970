package org.rallylab.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The server schema as ordered SQL migration files ({@code src/main/resources/org/rallylab/sync/migrations/},
 * listed in run order in {@code index.txt}). An organizer runs them in that order in the Supabase SQL
 * editor; the tests apply the same files to a real PostgreSQL.
 */
public final class Migrations {

    /** One migration file: its name (such as {@code 001_domain_events.sql}) and its SQL. */
    public record Migration(String name, String sql) {
    }

    private static final String FOLDER = "migrations/";

    private Migrations() {
    }

    /** Every migration, in the order they must run. */
    public static List<Migration> all() {
        List<Migration> migrations = new ArrayList<>();
        for (String line : read("index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                migrations.add(new Migration(name, read(name)));
            }
        }
        return List.copyOf(migrations);
    }

    private static String read(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " is missing from the sync-worker jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
