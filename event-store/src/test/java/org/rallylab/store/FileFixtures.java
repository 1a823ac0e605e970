package org.rallylab.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.rallylab.domain.event.DomainEvent;

/** Helpers for file-level tests: rally files with events, raw SQL, hashes and folder listings. */
final class FileFixtures {

    private FileFixtures() {
    }

    /** A closed rally file holding {@code events}. */
    static Path rallyFile(Path file, List<? extends DomainEvent> events) throws RallyFileException {
        try (RallyFile log = RallyFile.create(file)) {
            log.append(events);
        }
        return file;
    }

    /** A plain JDBC connection, bypassing RallyFile (its checks, its lock). */
    static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    static void sql(Path file, String... statements) throws SQLException {
        try (Connection db = raw(file); Statement s = db.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** Runs {@code statements} on an open connection (a test's own PRAGMA on a RallyFile's connection). */
    static void sql(Connection db, String... statements) throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** Inserts {@code events} as rows the way RallyLab stores them, hashes aside (files older than schema 4). */
    static void insertRows(Connection db, List<org.rallylab.domain.event.DomainEvent> events) throws SQLException {
        try (var insert = db.prepareStatement("INSERT INTO events (type, section_id, timestamp, payload) VALUES (?, ?, ?, ?)")) {
            for (org.rallylab.domain.event.DomainEvent e : events) {
                insert.setString(1, e.type());
                insert.setString(2, e.sectionId());
                insert.setLong(3, e.timestamp());
                insert.setString(4, org.rallylab.domain.event.EventJson.payload(e).toString());
                insert.executeUpdate();
            }
        }
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** The names in a folder, sorted. */
    static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The 4-byte big-endian integer at {@code offset} of the file's header. */
    static int headerInt(Path file, int offset) throws IOException {
        byte[] head = new byte[100];
        try (var in = Files.newInputStream(file)) {
            in.readNBytes(head, 0, 100);
        }
        return java.nio.ByteBuffer.wrap(head).getInt(offset);
    }
}
