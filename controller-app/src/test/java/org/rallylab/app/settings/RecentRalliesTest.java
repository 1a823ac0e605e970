package org.rallylab.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.race.ManualTime;

class RecentRalliesTest {

    @TempDir
    Path folder;

    private final ManualTime time = new ManualTime();

    private Path rally(String name) throws Exception {
        return Files.writeString(folder.resolve(name + ".rallylab"), "x");
    }

    @Test
    void opened_mostRecentFirst_reopenedMovesToTheFront() throws Exception {
        RecentRallies recent = new RecentRallies(folder.resolve("settings"), time);
        Path a = rally("a");
        Path b = rally("b");
        recent.opened(a);
        time.advance(Duration.ofMinutes(1));
        recent.opened(b);
        time.advance(Duration.ofMinutes(1));
        recent.opened(folder.resolve("x/../a.rallylab"));
        assertThat(recent.list()).extracting(RecentRallies.Entry::path).containsExactly(a, b);
        assertThat(recent.list().get(0).openedAt()).isEqualTo(time.instant());
        assertThat(new RecentRallies(folder.resolve("settings"), time).list()).extracting(RecentRallies.Entry::path)
                .containsExactly(a, b);
    }

    @Test
    void opened_moreThanTen_oldestForgotten() throws Exception {
        RecentRallies recent = new RecentRallies(folder, time);
        for (int i = 1; i <= 12; i++) {
            recent.opened(rally("r" + i));
        }
        List<RecentRallies.Entry> list = recent.list();
        assertThat(list).hasSize(10);
        assertThat(list.get(0).path().getFileName()).hasToString("r12.rallylab");
        assertThat(list.get(9).path().getFileName()).hasToString("r3.rallylab");
    }

    @Test
    void list_missingFile_droppedFromTheList() throws Exception {
        RecentRallies recent = new RecentRallies(folder, time);
        Path a = rally("a");
        Path gone = rally("gone");
        recent.opened(gone);
        recent.opened(a);
        Files.delete(gone);
        assertThat(recent.list()).extracting(RecentRallies.Entry::path).containsExactly(a);
        assertThat(Files.readString(recent.file())).doesNotContain("gone");
        recent.forget(a);
        assertThat(recent.list()).isEmpty();
    }

    @Test
    void corruptSettingsFile_startsOverAndKeepsABackup() throws Exception {
        RecentRallies recent = new RecentRallies(folder, time);
        Files.writeString(recent.file(), "{\"rallies\": [ {\"path\": 7");
        assertThat(recent.list()).isEmpty();
        assertThat(folder.resolve("recent-rallies.json.bak")).hasContent("{\"rallies\": [ {\"path\": 7");
        Path a = rally("a");
        recent.opened(a);
        assertThat(recent.list()).extracting(RecentRallies.Entry::path).containsExactly(a);
        Files.writeString(recent.file(), "[1, 2, 3]");
        assertThat(recent.list()).isEmpty();
        Files.writeString(recent.file(), "{\"version\":1,\"rallies\":[{\"path\":\"" + a + "\",\"opened_at\":\"yesterday\"}]}");
        assertThat(recent.list()).isEmpty();
    }

    @Test
    void settingsFolderUnwritable_neverFails() throws Exception {
        Path file = Files.writeString(folder.resolve("blocker"), "a file where the folder should be");
        RecentRallies recent = new RecentRallies(file.resolve("settings"), time);
        recent.opened(rally("a"));
        assertThat(recent.list()).isEmpty();
    }
}
