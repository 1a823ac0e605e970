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
