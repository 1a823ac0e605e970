package org.rallylab.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    @TempDir
    Path folder;

    private final CloudSession session = new CloudSession("access-SECRET", "refresh-SECRET",
            Instant.parse("2026-02-15T10:00:00Z"), MockCloud.USER, "ava@example.org");

    @Test
    void save_thenLoad_givesTheSessionBack() throws Exception {
        TokenStore store = new TokenStore(folder.resolve("settings/cloud-session.json"));

        store.save(session);

        assertThat(store.load()).contains(session);
        assertThat(new TokenStore(store.file()).load()).contains(session);
    }

    @Test
    void theFile_isReadableByTheUserAlone() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        TokenStore store = new TokenStore(folder.resolve("cloud-session.json"));

        store.save(session);
        store.save(session);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(Files.list(folder)).containsExactly(store.file());
    }

    @Test
    void load_tightensAFileOthersCouldRead() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        TokenStore store = new TokenStore(folder.resolve("cloud-session.json"));
        store.save(session);
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

        store.load();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void clear_forgetsTheSession() throws Exception {
        TokenStore store = new TokenStore(folder.resolve("cloud-session.json"));
        store.save(session);

        store.clear();

        assertThat(store.load()).isEmpty();
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void aDamagedFile_saysToSignInAgain_withoutShowingItsContent() throws IOException {
        TokenStore store = new TokenStore(folder.resolve("cloud-session.json"));
        Files.writeString(store.file(), "{\"access_token\":\"access-SECRET\"");

        assertThatThrownBy(store::load).isInstanceOf(IOException.class).hasMessageContaining("sign in again")
                .message().doesNotContain("SECRET");
        assertThat(store.toString()).doesNotContain("SECRET");
    }
}
