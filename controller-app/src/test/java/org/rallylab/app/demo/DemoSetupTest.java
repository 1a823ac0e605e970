package org.rallylab.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.race.ManualTime;
import org.rallylab.app.race.RallySession;
import org.rallylab.domain.state.RosterEntry;
import org.rallylab.domain.state.SectionPhase;
import org.rallylab.domain.state.SectionState;
import org.rallylab.track.SimulatedTrack;

class DemoSetupTest {

    @TempDir
    Path folder;

    @Test
    void create_rallyWithThreeLoadedSectionsNothingRaced() throws Exception {
        ManualTime time = new ManualTime();
        try (RallySession demo = DemoSetup.create(folder.resolve("demo.rallylab"), time, 2026,
                DemoSetup.Counts.DEFAULT)) {
            assertThat(demo.state().rallyName()).isEqualTo("RallyLab Demo Rally");
            assertThat(demo.state().rallyDate()).contains("2026-02-14");
            assertThat(demo.state().sections()).extracting(SectionState::sectionName)
                    .containsExactly("Beaver Buggies", "Kub Kars", "Scout Trucks");
            assertThat(demo.state().sections()).extracting(s -> s.roster().size()).containsExactly(8, 14, 9);
            assertThat(demo.state().sections()).extracting(SectionState::phase).containsOnly(SectionPhase.RALLY_LOADED);
            assertThat(demo.state().sections().get(2).roster()).extracting(RosterEntry::carNumber).startsWith("T101");
            assertThat(demo.events()).extracting(e -> e.type()).containsExactly("RallyCreated",
                    "SectionCreated", "RosterLoaded", "SectionCreated", "RosterLoaded", "SectionCreated", "RosterLoaded");
        }
    }

    @Test
    void create_sameSeed_sameNames_otherCounts() throws Exception {
        ManualTime time = new ManualTime();
        List<String> first;
        List<String> second;
        try (RallySession a = DemoSetup.create(folder.resolve("a.rallylab"), time, 5, new DemoSetup.Counts(3, 4, 5))) {
            first = names(a);
            assertThat(a.state().sections()).extracting(s -> s.roster().size()).containsExactly(3, 4, 5);
        }
        try (RallySession b = DemoSetup.create(folder.resolve("b.rallylab"), time, 5, new DemoSetup.Counts(3, 4, 5))) {
            second = names(b);
        }
        assertThat(second).isEqualTo(first);
        assertThatThrownBy(() -> new DemoSetup.Counts(1, 4, 5)).hasMessageContaining("2 to 200 cars, not 1");
    }

    @Test
    void freeFile_takenNamesSkipped() throws Exception {
        assertThat(DemoSetup.freeFile(folder)).isEqualTo(folder.resolve("demo.rallylab"));
        Files.writeString(folder.resolve("demo.rallylab"), "");
        assertThat(DemoSetup.freeFile(folder)).isEqualTo(folder.resolve("demo-2.rallylab"));
    }

    @Test
    void simulatedTrack_sixLanes_andScoutTrucksOnOddLanes() {
        SimulatedTrack track = DemoSetup.simulatedTrack(1, Double.POSITIVE_INFINITY);
        try {
            assertThat(track.laneCount()).isEqualTo(6);
        } finally {
            track.close();
        }
        assertThat(DemoSetup.lanesFor("Scout Trucks", 6)).containsExactly(1, 3, 5);
        assertThat(DemoSetup.lanesFor("Scout Trucks", 4)).containsExactly(1, 2, 3, 4);
        assertThat(DemoSetup.lanesFor("Kub Kars", 6)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    private static List<String> names(RallySession session) {
        return session.state().sections().stream().flatMap(s -> s.roster().stream()).map(RosterEntry::name).toList();
    }
}
