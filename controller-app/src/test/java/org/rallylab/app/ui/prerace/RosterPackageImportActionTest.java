package org.rallylab.app.ui.prerace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.prerace.RosterPackageImport;
import org.rallylab.app.ui.Screenshots;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.RosterLoaded;
import org.rallylab.domain.state.SectionState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Rally setup → "Import roster package…" on a real rally file: the preview, then the rosters on disk. */
@ExtendWith(ApplicationExtension.class)
class RosterPackageImportActionTest {

    /** UiFixture.fresh's rally. */
    private static final String RALLY = "8d4c5a2e-0d6b-4c55-9a0e-6f1d2b3c4d5e";
    private static final String KUBS = "0a000000-0000-4000-8000-000000000001";
    private static final String SCOUTS = "0a000000-0000-4000-8000-000000000002";
    private static final String BEAVERS = "0a000000-0000-4000-8000-000000000003";

    @TempDir
    Path folder;

    private Stage stage;
    private UiFixture rally;
    private RallyEditor editor;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown() {
        if (editor != null) {
            UiFixture.fxRun(editor::dispose);
        }
        if (rally != null) {
            rally.close();
        }
    }

    /** Beaver Buggies (loaded here already), Kub Kars (2 participants, new here), Scout Trucks (empty). */
    private Path writePackage(String rallyId) throws Exception {
        Path file = folder.resolve("spring-roster.json");
        Files.writeString(file, """
                {"version": 2, "rally_id": "%s", "rally_name": "Spring Rally", "rally_date": "2026-04-11",
                 "exported_at": 1775037600000, "groups": [], "source": "browser",
                 "sections": [
                   {"section_id": "%s", "section_name": "Beaver Buggies", "participants": [
                     {"participant_id": "0b000000-0000-4000-8000-000000000009", "name": "Zoe Park", "car_number": 1}]},
                   {"section_id": "%s", "section_name": "Kub Kars", "participants": [
                     {"participant_id": "0b000000-0000-4000-8000-000000000001", "name": "Ava Chen", "car_number": 12},
                     {"participant_id": "0b000000-0000-4000-8000-000000000002", "name": "Ben Okafor", "car_number": "3"}]},
                   {"section_id": "%s", "section_name": "Scout Trucks", "participants": []}]}
                """.formatted(rallyId, BEAVERS, KUBS, SCOUTS), StandardCharsets.UTF_8);
        return file;
    }

    private void open(Path packageFile) {
        rally = UiFixture.fresh(folder, stage);
        rally.run(new Command.CreateSection(BEAVERS, "Beaver Buggies", null));
        rally.run(new Command.LoadRoster(RALLY, BEAVERS, "Beaver Buggies",
                List.of(new Participant("p-1", "Yuki Tanaka", "5"))));
        editor = UiFixture.fx(() -> new RallyEditor(rally.context, w -> Optional.empty(), (w, name) -> Optional.empty(),
                w -> Optional.of(packageFile)));
        UiFixture.show(stage, editor, 1280, 800);
    }

    @Test
    @SuppressWarnings("unchecked")
    void importRosterPackage_showsLoadsAndSkipsThenLoadsTheNewSection(FxRobot robot) throws Exception {
        open(writePackage(RALLY));
        int before = rally.eventsOnDisk().size();

        robot.clickOn("#import-roster-package");

        assertThat(UiFixture.fx(() -> robot.lookup("#package-import-summary").queryAs(Label.class).getText()))
                .startsWith("1 section (2 participants) to load for race day, 2 skipped.");
        assertThat(UiFixture.fx(() -> robot.lookup("#package-import-loads").queryAs(TableView.class).getItems()
                .stream().map(l -> ((RosterPackageImport.Load) l).sectionName()).toList()))
                .containsExactly("Kub Kars");
        assertThat(UiFixture.fx(() -> robot.lookup("#package-import-skipped").queryAs(VBox.class).getChildren()
                .stream().map(n -> ((Label) n).getText()).toList()))
                .satisfiesExactly(
                        beavers -> assertThat(beavers).startsWith("Beaver Buggies (1 participant): already loaded for"
                                + " race day"),
                        scouts -> assertThat(scouts).startsWith("Scout Trucks (0 participants): no participants"));
        assertThat(UiFixture.fx(() -> robot.lookup("#package-import-confirm").queryAs(Button.class).getText()))
                .isEqualTo("_Load 1 section");
        assertThat(rally.eventsOnDisk()).as("nothing written while the preview is open").hasSize(before);
        Screenshots.take(robot.window("Import roster package spring-roster.json"), "operator-import-roster-package");

        robot.clickOn("#package-import-confirm");

        assertThat(rally.typesOnDiskAfter(before)).containsExactly("SectionCreated", "RosterLoaded");
        RosterLoaded loaded = (RosterLoaded) rally.eventsOnDiskAfter(before).get(1);
        assertThat(loaded.sectionId()).isEqualTo(KUBS);
        assertThat(loaded.participants()).extracting(p -> p.carNumber() + " " + p.name())
                .containsExactly("12 Ava Chen", "3 Ben Okafor");
        assertThat(rally.section("Beaver Buggies").roster()).extracting(e -> e.name()).containsExactly("Yuki Tanaka");
        assertThat(rally.context.notices).last().asString()
                .isEqualTo("Loaded 1 section (2 participants) for race day from spring-roster.json.");
        assertThat(UiFixture.fx(() -> robot.lookup("#sections").queryAs(ListView.class).getItems().stream()
                .map(s -> ((SectionState) s).sectionName()).toList())).containsExactly("Beaver Buggies", "Kub Kars");
        Screenshots.take(stage, "operator-rally-setup-after-package");
    }

    @Test
    void importRosterPackage_cancelledOrOfAnotherRally_writesNothing(FxRobot robot) throws Exception {
        Path pkg = writePackage(RALLY);
        open(pkg);
        int before = rally.eventsOnDisk().size();

        robot.clickOn("#import-roster-package");
        robot.clickOn("#package-import-cancel");
        assertThat(rally.eventsOnDisk()).hasSize(before);

        writePackage("11111111-2222-4333-8444-555555555555");
        robot.clickOn("#import-roster-package");

        assertThat(robot.lookup("#package-import-confirm").tryQuery()).as("no preview for another rally").isEmpty();
        assertThat(rally.context.notices).last().asString().contains("This roster package is for the rally",
                "a new rally file", "Nothing was imported.");
        assertThat(rally.eventsOnDisk()).hasSize(before);
    }
}
