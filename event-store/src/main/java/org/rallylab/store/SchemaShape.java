package org.rallylab.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exact schema a rally file of each version has: its tables, indexes and triggers, each with
 * the SQL that made it, and nothing else (no view, no trigger of another program's). A file with
 * anything more, less or different was changed outside RallyLab (a crafted file could carry a
 * trigger that rewrites race times as they are written) and is refused, read-only too.
 *
 * <p>The expected shape is not written out by hand: it is read back from an in-memory database
 * given the same {@link Schema} steps, so it is what SQLite itself records for them, for a new
 * file and a migrated one alike (both run the same steps in order).
 */
final class SchemaShape {

    private static final Map<Integer, Map<String, String>> EXPECTED = new ConcurrentHashMap<>();
    private static final String OBJECTS = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name";

    private SchemaShape() {
    }

    /** What differs between the file's schema and version {@code version}'s, in words; empty when nothing. */
    static List<String> differences(Connection db, int version) throws SQLException {
        Map<String, String> expected = expected(version);
        Map<String, String> actual = objects(db);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> object : actual.entrySet()) {
            String want = expected.get(object.getKey());
            if (want == null) {
                problems.add("it holds " + object.getKey() + ", which RallyLab does not make");
            } else if (!Objects.equals(want, object.getValue())) {
                problems.add(object.getKey() + " is not as RallyLab makes it (" + abbreviate(object.getValue()) + ")");
            }
        }
        for (String object : expected.keySet()) {
            if (!actual.containsKey(object)) {
                problems.add(object + " is missing");
            }
        }
        return problems;
    }

    /** The objects of schema version {@code version}: "trigger events_append_only_update" to its SQL. */
    static Map<String, String> expected(int version) throws SQLException {
        Map<String, String> known = EXPECTED.get(version);
        if (known != null) {
            return known;
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = db.createStatement()) {
            Schema.upgrade(db, s, 0, version);
            Map<String, String> shape = Map.copyOf(objects(db));
            EXPECTED.put(version, shape);
            return shape;
        }
    }

    private static Map<String, String> objects(Connection db) throws SQLException {
        Map<String, String> objects = new TreeMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(OBJECTS)) {
            while (rs.next()) {
                objects.put(rs.getString(1) + " " + rs.getString(2), normalized(rs.getString(3)));
            }
        }
        return objects;
    }

    /**
     * The SQL with runs of white space as one space and none beside parentheses and commas, so
     * line breaks and indentation do not matter ("" for SQLite's own indexes, which have none).
     */
    private static String normalized(String sql) {
        return sql == null ? "" : sql.strip().replaceAll("\\s+", " ").replaceAll(" ?([(),]) ?", "$1");
    }

    private static String abbreviate(String sql) {
        return sql.length() <= 80 ? sql : sql.substring(0, 77) + "...";
    }
}
