package org.rallylab.app.ui.prerace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.ui.Screenshots;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.GroupCreated;
import org.rallylab.domain.event.ParticipantAdded;
import org.rallylab.domain.event.ParticipantRemoved;
import org.rallylab.domain.event.ParticipantUpdated;
import org.rallylab.domain.event.RosterLoaded;
import org.rallylab.domain.event.SectionCreated;
import org.rallylab.domain.event.SectionRenamed;
import org.rallylab.domain.testing.Await;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The rally setup screen on a real rally file: every change is checked on disk. */
@ExtendWith(ApplicationExtension.class)
class RallyEditorTest {

    @TempDir
    Path folder;

    private Stage stage;
    private UiFixture rally;
    private RallyEditor editor;
    /** The roster file the import's chooser answers (null: the operator cancelled). */
    private Path rosterFile;

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

    /** A fresh rally with the sections named, shown in the editor. */
    private void open(String... sections) {
        rally = UiFixture.fresh(folder, stage);
        for (int i = 0; i < sections.length; i++) {
            rally.run(new Command.CreateSection("s" + (i + 1), sections[i], null));
        }
        editor = UiFixture.fx(() -> new RallyEditor(rally.context, w -> Optional.ofNullable(rosterFile)));
        UiFixture.show(stage, editor, 1280, 800);
        WaitForAsyncUtils.waitForFxEvents(); // laid out: a button has its place before it is clicked
    }

    @Test
    void people_invitedByEmailPerRoleThenOneRevoked_writesInvitationsAndRoleRevoked(FxRobot robot) {
        open("Kub Kars", "Scout Trucks");
        int before = eventCount();
        robot.clickOn("#people-button");
        robot.clickOn("#invite-email").write("Reg@Example.org");
        robot.clickOn("#invite");                        // registrar of the first section
        robot.clickOn("#invite-email").write("not an email");
        robot.clickOn("#invite");
        assertThat(UiFixture.fx(() -> robot.lookup("#people-problem").queryAs(javafx.scene.control.Label.class)
                .getText())).contains("is not an email address");
        UiFixture.fxRun(() -> robot.lookup("#invite-role").queryAs(javafx.scene.control.ChoiceBox.class)
                .getSelectionModel().select(1));        // operator
        robot.clickOn("#invite-email").eraseText(20).write("op@example.org");
        robot.clickOn("#invite");
        org.rallylab.app.ui.Screenshots.take(robot.window("People"), "operator-people");
        assertThat(rally.typesOnDiskAfter(before)).containsExactly("RegistrarInvited", "OperatorInvited");
        assertThat(UiFixture.fx(() -> robot.lookup("#people").queryAs(javafx.scene.control.ListView.class)
                .getItems().size())).isEqualTo(2);

        UiFixture.fxRun(() -> robot.lookup("#people").queryAs(javafx.scene.control.ListView.class)
                .getSelectionModel().select(0));        // the operator is listed first
        robot.clickOn("#revoke");
        assertThat(rally.typesOnDiskAfter(before)).containsExactly("RegistrarInvited", "OperatorInvited", "RoleRevoked");
        assertThat(UiFixture.fx(() -> rally.day.session().state().operators())).isEmpty();
        assertThat(UiFixture.fx(() -> rally.day.session().state().section("s1").orElseThrow().registrarEmail()))
                .contains("reg@example.org");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }

    private int eventCount() {
        return rally.eventsOnDisk().size();
    }

    @SuppressWarnings("unchecked")
    private TableView<ParticipantRow> table(FxRobot robot) {
        return robot.lookup("#participants").queryAs(TableView.class);
    }

    private List<String> rows(FxRobot robot) {
        return UiFixture.fx(() -> table(robot).getItems().stream()
                .map(r -> r.carNumber() + " " + r.name() + (r.groupName().isEmpty() ? "" : " / " + r.groupName()))
                .toList());
    }

    private void selectRow(FxRobot robot, String name) {
        UiFixture.fxRun(() -> {
            TableView<ParticipantRow> t = table(robot);
            t.getItems().stream().filter(r -> r.name().equals(name)).findFirst().ifPresent(r -> {
                t.getSelectionModel().select(r);
                t.requestFocus();
            });
        });
    }

    private void setGroup(FxRobot robot, String group) {
        UiFixture.fxRun(() -> robot.lookup("#participant-group").queryAs(ComboBox.class).getEditor().setText(group));
    }

    private static String text(FxRobot robot, String query) {
        return UiFixture.fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private static List<String> labels(FxRobot robot, String query) {
        return UiFixture.fx(() -> robot.lookup(query).queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList());
    }

    /** Waits until the import preview shows (the file is read off the JavaFX thread). */
    private static void awaitPreview(FxRobot robot) {
        RosterImportWaits.until("the import preview shows",
                () -> robot.lookup("#import-additions").tryQuery().isPresent());
    }

    private static boolean showing(FxRobot robot, String query) {
        return UiFixture.fx(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    @Test
    void exportRosterPackage_writesEverySectionsRosterThatReadsBack(FxRobot robot) throws Exception {
        rally = UiFixture.fresh(folder, stage);
        String kubs = java.util.UUID.randomUUID().toString();
        rally.run(new Command.CreateSection(kubs, "Kub Kars", null));
        for (String name : List.of("Ava Chen", "Ben Okafor")) {
            rally.run(new Command.AddParticipant(kubs, java.util.UUID.randomUUID().toString(), name, null, null));
        }
        Path target = folder.resolve("out").resolve("spring-roster.json");
        java.nio.file.Files.createDirectories(target.getParent());
        List<String> suggested = new java.util.ArrayList<>();
        editor = UiFixture.fx(() -> new RallyEditor(rally.context, w -> Optional.empty(), (w, name) -> {
            suggested.add(name);
            return Optional.of(target);
        }));
        UiFixture.show(stage, editor, 1280, 800);
        int before = eventCount();

        robot.clickOn("#export-roster-package");

        assertThat(suggested).containsExactly("Spring-Rally-roster.json");
        var pkg = org.rallylab.store.roster.RosterPackageJson.readFile(target);
        assertThat(pkg.rallyName()).isEqualTo("Spring Rally");
        assertThat(pkg.sections()).singleElement().satisfies(s -> {
            assertThat(s.sectionName()).isEqualTo("Kub Kars");
            assertThat(s.participants()).extracting(m -> m.carNumber() + " " + m.name())
                    .containsExactly("1 Ava Chen", "2 Ben Okafor");
        });
        assertThat(rally.context.notices).last().asString()
                .startsWith("Exported 1 section with 2 participants to " + target);
        assertThat(eventCount()).as("exporting writes nothing to the rally").isEqualTo(before);
    }

    @Test
    void addSection_thenRenameIt_writesSectionCreatedAndSectionRenamed(FxRobot robot) {
        open();
        int before = eventCount();
        robot.clickOn("#add-section").clickOn("#section-name-field").write("Kub Kars").clickOn("#section-name-save");

        List<DomainEvent> added = rally.eventsOnDiskAfter(before);
        assertThat(added).hasSize(1).first().isInstanceOf(SectionCreated.class);
        assertThat(((SectionCreated) added.get(0)).sectionName()).isEqualTo("Kub Kars");
        assertThat(text(robot, "#section-name")).isEqualTo("Kub Kars");

        robot.clickOn("#rename-section");
        UiFixture.fxRun(() -> robot.lookup("#section-name-field").queryAs(TextField.class).clear());
        robot.clickOn("#section-name-field").write("Cub Cars").type(KeyCode.ENTER);

        List<DomainEvent> renamed = rally.eventsOnDiskAfter(before + 1);
        assertThat(renamed).hasSize(1).first().isInstanceOf(SectionRenamed.class);
        assertThat(((SectionRenamed) renamed.get(0)).sectionName()).isEqualTo("Cub Cars");
        assertThat(text(robot, "#section-name")).isEqualTo("Cub Cars");
        assertThat(UiFixture.fx(() -> robot.lookup("#sections").queryAs(ListView.class).getItems().size()))
                .isEqualTo(1);
    }

    @Test
    void addSection_nameTaken_formStaysOpenWithTheRefusalAndNothingIsWritten(FxRobot robot) {
        open("Kub Kars");
        int before = eventCount();
        robot.clickOn("#add-section").clickOn("#section-name-field").write("kub kars").clickOn("#section-name-save");

        assertThat(showing(robot, "#form-problem")).isTrue();
        assertThat(text(robot, "#form-problem")).contains("already a section named Kub Kars");
        assertThat(rally.context.notices).anyMatch(n -> n.contains("already a section named Kub Kars"));
        robot.clickOn("#form-cancel");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void addEditRemoveParticipant_writeTheirEvents(FxRobot robot) {
        open("Kub Kars");
        int before = eventCount();

        robot.clickOn("#add-participant").clickOn("#participant-name").write("Ava Chen");
        setGroup(robot, "1st Lakeside");
        robot.clickOn("#participant-save");
        assertThat(rally.typesOnDiskAfter(before)).containsExactly("GroupCreated", "ParticipantAdded", "ParticipantUpdated");
        ParticipantAdded ava = (ParticipantAdded) rally.eventsOnDiskAfter(before).get(1);
        assertThat(ava.participant().name()).isEqualTo("Ava Chen");
        assertThat(ava.participant().carNumber()).isNull();
        assertThat(rows(robot)).containsExactly("1 Ava Chen / 1st Lakeside");

        robot.clickOn("#add-participant").clickOn("#participant-name").write("Ben Okafor")
                .clickOn("#participant-car").write("B100");
        Screenshots.take(robot.window(w -> w != stage && w.isShowing()), "operator-participant-edit");
        robot.clickOn("#participant-save");
        assertThat(rally.typesOnDiskAfter(before + 3)).containsExactly("ParticipantAdded");
        assertThat(((ParticipantAdded) rally.eventsOnDiskAfter(before + 3).get(0)).participant().carNumber())
                .isEqualTo("B100");

        // a taken car number is refused in the form, nothing written
        int beforeTaken = eventCount();
        robot.clickOn("#add-participant").clickOn("#participant-name").write("Cleo Martin")
                .clickOn("#participant-car").write("B100").clickOn("#participant-save");
        assertThat(text(robot, "#form-problem")).contains("Car number B100 is taken by Ben Okafor");
        robot.clickOn("#form-cancel");
        assertThat(eventCount()).isEqualTo(beforeTaken);

        // edit: a new name, the group dropped
        selectRow(robot, "Ava Chen");
        robot.clickOn("#edit-participant");
        assertThat(UiFixture.fx(() -> robot.lookup("#participant-car").queryAs(TextField.class).isDisabled())).isTrue();
        UiFixture.fxRun(() -> robot.lookup("#participant-name").queryAs(TextField.class).clear());
        robot.clickOn("#participant-name").write("Ava Chen-Li");
        setGroup(robot, "");
        robot.clickOn("#participant-save");
        List<DomainEvent> updated = rally.eventsOnDiskAfter(beforeTaken);
        assertThat(updated).hasSize(1).first().isInstanceOf(ParticipantUpdated.class);
        ParticipantUpdated u = (ParticipantUpdated) updated.get(0);
        assertThat(u.name()).isEqualTo("Ava Chen-Li");
        assertThat(u.group()).isEqualTo(new ParticipantUpdated.GroupChange(null));
        assertThat(rows(robot)).containsExactly("1 Ava Chen-Li", "B100 Ben Okafor");

        // remove with the Delete key, after the confirm
        selectRow(robot, "Ben Okafor");
        robot.type(KeyCode.DELETE);
        robot.clickOn("#confirm-action");
        List<DomainEvent> removed = rally.eventsOnDiskAfter(beforeTaken + 1);
        assertThat(removed).hasSize(1).first().isInstanceOf(ParticipantRemoved.class);
        assertThat(((ParticipantRemoved) removed.get(0)).carNumber()).isEqualTo("B100");
        assertThat(rows(robot)).containsExactly("1 Ava Chen-Li");

        // Delete, then Keep: nothing written
        selectRow(robot, "Ava Chen-Li");
        robot.type(KeyCode.DELETE).clickOn("#dialog-cancel");
        assertThat(eventCount()).isEqualTo(beforeTaken + 2);
    }

    @Test
    void addParticipant_blankName_refusedInTheForm(FxRobot robot) {
        open("Kub Kars");
        int before = eventCount();
        robot.clickOn("#add-participant").clickOn("#participant-save");
        assertThat(text(robot, "#form-problem")).isEqualTo("Type the participant's name.");
        robot.type(KeyCode.ESCAPE);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void importCsv_previewListsDuplicateAndInvalidRows_confirmWritesExactlyTheAdditions(FxRobot robot)
            throws Exception {
        open("Kub Kars", "Scout Trucks");
        rally.run(new Command.AddParticipant("s1", "ava", "Ava Chen", "7", null));
        rosterFile = Files.writeString(folder.resolve("kub-kars.csv"), String.join("\n",
                "Name,Car Number,Group",
                "Ben Okafor,,Wolf Den",
                "ava chen,7,",
                ",9,",
                "Cleo Martin,B100,",
                "Dev Patel,,wolf den",
                "Elle Roy,12,Bear Den",
                "Finn Byrne,,",
                "Gus Lee,,Bear Den",
                "Hana Sato,12,") + "\n");
        int before = eventCount();

        robot.clickOn("#import-roster");
        awaitPreview(robot);
        assertThat(labels(robot, "#import-duplicates"))
                .containsExactly("Row 3 (ava chen): Ava Chen is already on the roster with car 7");
        assertThat(labels(robot, "#import-invalid")).hasSize(3).first().isEqualTo("Row 4: no name");
        assertThat(UiFixture.fx(() -> robot.lookup("#import-additions").queryAs(TableView.class).getItems().size()))
                .isEqualTo(5);
        assertThat(UiFixture.fx(() -> robot.lookup("#import-confirm").queryAs(Button.class).getText()))
                .isEqualTo("_Import 5 participants");
        Screenshots.take(robot.window(w -> w != stage && w.isShowing()), "operator-import-preview");
        robot.clickOn("#import-confirm");

        List<DomainEvent> written = rally.eventsOnDiskAfter(before);
        assertThat(written).filteredOn(ParticipantAdded.class::isInstance)
                .extracting(e -> ((ParticipantAdded) e).participant().name())
                .containsExactlyInAnyOrder("Ben Okafor", "Cleo Martin", "Dev Patel", "Finn Byrne", "Gus Lee");
        assertThat(written).filteredOn(GroupCreated.class::isInstance)
                .extracting(e -> ((GroupCreated) e).groupName()).containsExactly("Wolf Den", "Bear Den");
        assertThat(rows(robot)).as("issue 12: numbered after the highest, listed in natural order").containsExactly(
                "7 Ava Chen", "8 Ben Okafor / Wolf Den", "9 Dev Patel / Wolf Den", "10 Finn Byrne",
                "11 Gus Lee / Bear Den", "B100 Cleo Martin");
        assertThat(rally.context.notices).last().asString().contains("Added 5 participants to Kub Kars");

        rally.run(new Command.AddParticipant("s2", "tia", "Tia Brooks", null, null));
        rally.run(new Command.LoadRosterForRaceDay("s2"));
        UiFixture.fxRun(() -> stage.setTitle("RallyLab: Rally setup"));
        Screenshots.take(stage, "operator-rally-setup");
    }

    @Test
    void importXlsx_cancelledPreview_writesNothing(FxRobot robot) throws Exception {
        open("Kub Kars");
        rosterFile = Workbooks.roster(folder.resolve("roster.xlsx"),
                List.of(List.of("First Name", "Last Name", "Car #"), List.of("Ava", "Chen", "3"),
                        List.of("Ben", "Okafor", "")));
        int before = eventCount();
        robot.clickOn("#import-roster");
        awaitPreview(robot);
        assertThat(UiFixture.fx(() -> robot.lookup("#import-additions").queryAs(TableView.class).getItems().size()))
                .isEqualTo(2);
        robot.clickOn("#import-cancel");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(rows(robot)).isEmpty();
    }

    @Test
    void importBinaryJunk_messageNamesTheFileAndNothingIsWritten(FxRobot robot) throws Exception {
        open("Kub Kars");
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        junk[0] = 0x01;
        rosterFile = Files.write(folder.resolve("roster-from-usb.csv"), junk);
        int before = eventCount();

        robot.clickOn("#import-roster");
        RosterImportWaits.until("the refusal is noticed", () -> !rally.context.notices.isEmpty());

        assertThat(rally.context.notices).hasSize(1);
        assertThat(rally.context.notices.get(0)).contains("roster-from-usb.csv").contains("Nothing was imported");
        assertThat(robot.lookup("#import-additions").tryQuery()).isEmpty();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void participantsTable_sortedByCarHeader_naturalOrderBothWays(FxRobot robot) {
        open("Kub Kars");
        for (String car : List.of("T10", "10", "T2", "9", "B100", "B9")) {
            rally.run(new Command.AddParticipant("s1", "p-" + car, "Racer " + car, car, null));
        }
        Await.until("six rows", () -> rows(robot).size() == 6);

        robot.clickOn("#participants-car");
        List<String> up = cars(robot);
        robot.clickOn("#participants-car");
        List<String> down = cars(robot);

        assertThat(up).as("T2 before T10, 9 before 10, like every list of cars").containsExactly(
                "9", "10", "B9", "B100", "T2", "T10");
        assertThat(down).containsExactly("T10", "T2", "B100", "B9", "10", "9");
    }

    private List<String> cars(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return UiFixture.fx(() -> table(robot).getItems().stream().map(ParticipantRow::carNumber).toList());
    }

    @Test
    void loadForRaceDay_writesRosterLoadedAndClosesRegistration(FxRobot robot) {
        open("Kub Kars");
        rally.run(new Command.AddParticipant("s1", "ava", "Ava Chen", null, null));
        rally.run(new Command.AddParticipant("s1", "ben", "Ben Okafor", "9", null));
        int before = eventCount();
        assertThat(text(robot, "#section-status")).startsWith("Not loaded yet");

        robot.clickOn("#load-roster").clickOn("#confirm-action");

        List<DomainEvent> written = rally.eventsOnDiskAfter(before);
        assertThat(written).hasSize(1).first().isInstanceOf(RosterLoaded.class);
        assertThat(((RosterLoaded) written.get(0)).participants()).extracting(p -> p.carNumber() + " " + p.name())
                .containsExactly("1 Ava Chen", "9 Ben Okafor");
        assertThat(text(robot, "#section-status")).isEqualTo("Loaded for race day (2 cars)");
        assertThat(text(robot, "#section-explanation")).contains("check-in uses it");
        assertThat(UiFixture.fx(() -> robot.lookup("#add-participant").queryAs(Button.class).isDisabled())).isTrue();
        assertThat(UiFixture.fx(() -> robot.lookup("#load-roster").queryAs(Button.class).isDisabled())).isTrue();
    }

    @Test
    void loadForRaceDay_emptyRoster_saysWhyBeforeAskingAndWritesNothing(FxRobot robot) {
        open("Kub Kars");
        int before = eventCount();

        robot.clickOn("#load-roster");

        Await.until("the reason in the notice bar", () -> !rally.context.notices.isEmpty());
        assertThat(rally.context.notices).as("the rules' own words, from race-domain").containsExactly(
                "The roster of Kub Kars is empty; add participants or import a roster file before loading it for"
                        + " race day.");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#confirm-action").tryQuery()).as("no question whose answer is no").isEmpty();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void done_goesHome_andDisposeStopsFollowingTheSession(FxRobot robot) {
        open("Kub Kars");
        robot.clickOn("#done");
        assertThat(rally.context.visits).containsExactly("home");

        UiFixture.fxRun(editor::dispose);
        rally.run(new Command.CreateSection("s9", "Scout Trucks", null));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(UiFixture.fx(() -> robot.lookup("#sections").queryAs(ListView.class).getItems().size()))
                .isEqualTo(1);
        editor = null;
    }

    @Test
    void demoRally_showsTheLoadedRosterEachSectionLoaded(FxRobot robot) {
        try (UiFixture demo = UiFixture.demo(folder, UiFixture.SMALL, null, stage)) {
            editor = UiFixture.fx(() -> new RallyEditor(demo.context));
            UiFixture.show(stage, editor, 1280, 800);
            assertThat(text(robot, "#section-status")).isEqualTo("Loaded for race day (6 cars)");
            assertThat(rows(robot)).hasSize(6);
            assertThat(UiFixture.fx(() -> robot.lookup("#sections").queryAs(ListView.class).getItems().size()))
                    .isEqualTo(3);
            robot.clickOn("#add-participant");
            assertThat(robot.lookup("#participant-name").tryQuery()).isEmpty();
            UiFixture.fxRun(editor::dispose);
            editor = null;
        }
    }
}
