package org.rallylab.app.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.app.demo.DemoSetup;
import org.rallylab.app.ui.Screenshots;
import org.rallylab.app.ui.UiFixture;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.event.CarArrived;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.state.RosterEntry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CheckInScreenTest {

    @TempDir
    Path dir;
    private Stage stage;
    private UiFixture fixture;
    private CheckInScreen screen;
    private String kubs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (screen != null) {
            UiFixture.fxRun(screen::dispose);
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private void open() {
        fixture = UiFixture.demo(dir, UiFixture.SMALL, null, stage);
        kubs = fixture.section(DemoSetup.KUB_KARS).sectionId();
        screen = UiFixture.fx(() -> new CheckInScreen(fixture.context, kubs));
        UiFixture.show(stage, screen, 1280, 800);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void checkIn_carNumberAndEnter_checksTheCarIn(FxRobot robot) {
        open();
        assertThat(UiFixture.fx(screen::title)).isEqualTo("Kub Kars – check-in");
        assertThat(counter(robot)).isEqualTo("0 of 8 checked in");
        int before = fixture.eventsOnDisk().size();

        robot.clickOn("#search").write("3").type(KeyCode.ENTER);
        robot.write("7").type(KeyCode.ENTER);

        assertThat(arrivals(before)).containsExactly("3", "7");
        assertThat(counter(robot)).isEqualTo("2 of 8 checked in");
        assertThat(UiFixture.fx(() -> robot.lookup("#search").queryTextInputControl().getText())).isEmpty();
        assertThat(fixture.context.notices).isEmpty();

        // again: refused, and the screen says how to take a mistaken check-in back
        robot.write("3").type(KeyCode.ENTER);
        assertThat(arrivals(before)).containsExactly("3", "7");
        assertThat(fixture.context.notices).hasSize(1);
        assertThat(fixture.context.notices.get(0)).contains("already checked in").contains("Undo check-in");
    }

    @Test
    void undoCheckIn_beforeTheStart_isUndoneButNotAfter(FxRobot robot) {
        open();
        arrive("3", "5");
        int before = fixture.eventsOnDisk().size();
        selectCar(robot, "5");
        robot.clickOn("#undo-check-in");
        assertThat(fixture.typesOnDiskAfter(before)).containsExactly("ArrivalCancelled");
        assertThat(counter(robot)).isEqualTo("1 of 8 checked in");
        assertThat(fixture.section(DemoSetup.KUB_KARS).arrivedCars()).containsExactly("3");

        arrive("1", "2");
        execute(new Command.StartSection(kubs, List.of(1, 2, 3)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#undo-check-in").query().isVisible()).as("no undo once racing").isFalse();
    }

    private void selectCar(FxRobot robot, String car) {
        javafx.scene.control.TableView<?> table = robot.lookup("#roster").queryAs(javafx.scene.control.TableView.class);
        UiFixture.fxRun(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (((CheckInRow) table.getItems().get(i)).carNumber().equals(car)) {
                    table.getSelectionModel().select(i);
                }
            }
        });
    }

    /**
     * Issue 12: when several cars match, Enter used to check in the first one listed (not always the
     * car meant). Now Enter does nothing but say so, the list shows them; a search that finds one car
     * checks it in.
     */
    @Test
    void search_byName_listsTheMatchesAndEnterChecksInOnlyACarItIsSureOf(FxRobot robot) {
        open();
        List<CheckInRow> all = rows(robot);
        String part = firstLettersSharedByTwo(all);
        robot.clickOn("#search").write(part);

        List<CheckInRow> shown = rows(robot);
        assertThat(shown.size()).isBetween(2, all.size() - 1);
        assertThat(shown).allSatisfy(r -> assertThat(CarSearch.folded(r.name())).contains(part));
        Screenshots.take(stage, "operator-check-in");

        int before = fixture.eventsOnDisk().size();
        robot.type(KeyCode.ENTER);
        assertThat(fixture.context.notices).last().asString().startsWith(shown.size() + " cars match \"" + part);
        assertThat(fixture.eventsOnDisk()).as("nothing checked in").hasSize(before);

        CheckInRow one = shown.get(0);
        UiFixture.fxRun(() -> robot.lookup("#search").queryTextInputControl().setText(one.name()));
        robot.clickOn("#search").type(KeyCode.END).type(KeyCode.ENTER);
        assertThat(arrivals(before)).containsExactly(one.carNumber());
    }

    /** Two letters (folded) that several names hold, but not all, and no car number. */
    private static String firstLettersSharedByTwo(List<CheckInRow> rows) {
        for (CheckInRow a : rows) {
            String name = CarSearch.folded(a.name());
            for (int i = 0; i + 2 <= name.length(); i++) {
                String part = name.substring(i, i + 2);
                long holding = rows.stream().filter(r -> CarSearch.folded(r.name()).contains(part)).count();
                boolean number = rows.stream().anyMatch(r -> CarSearch.folded(r.carNumber()).contains(part));
                if (part.chars().allMatch(Character::isLetter) && holding >= 2 && holding < rows.size() && !number) {
                    return part;
                }
            }
        }
        throw new AssertionError("no two names share two letters: " + rows);
    }

    @Test
    void search_typedNumber_comesBeforeNamesAndLongerNumbers() {
        List<CheckInRow> rows = List.of(new CheckInRow("11", "Ava B.", false, null),
                new CheckInRow("2", "Ben 1", false, null), new CheckInRow("1", "Cleo", false, null));
        assertThat(CarSearch.search(rows, "1").listed()).extracting(CheckInRow::carNumber).containsExactly("1", "11", "2");
        assertThat(CarSearch.search(rows, "1").sure()).map(CheckInRow::carNumber).contains("1");
        assertThat(CarSearch.search(rows, " BEN ").listed()).extracting(CheckInRow::carNumber).containsExactly("2");
        assertThat(CarSearch.search(rows, "").listed()).hasSize(3);
        assertThat(CarSearch.search(rows, "").sure()).isEmpty();
    }

    /** Issue 12: accents and case do not matter, and a number matches in part ("101" finds T101). */
    @Test
    void search_ignoresAccentsAndFindsPartsOfNumbers_issue12() {
        List<CheckInRow> rows = List.of(new CheckInRow("T101", "Zoë Núñez", false, null),
                new CheckInRow("T102", "Zoe Park", false, null), new CheckInRow("T110", "Björn Åberg", false, null));
        assertThat(CarSearch.search(rows, "nunez").listed()).extracting(CheckInRow::carNumber).containsExactly("T101");
        assertThat(CarSearch.search(rows, "zoe").listed()).extracting(CheckInRow::carNumber)
                .containsExactly("T101", "T102");
        assertThat(CarSearch.search(rows, "zoe").sure()).as("two Zoes: the operator picks").isEmpty();
        assertThat(CarSearch.search(rows, "101").listed()).extracting(CheckInRow::carNumber).containsExactly("T101");
        assertThat(CarSearch.search(rows, "101").sure()).map(CheckInRow::carNumber).contains("T101");
        assertThat(CarSearch.search(rows, "t1").listed()).hasSize(3);
        assertThat(CarSearch.search(rows, "BJORN").listed()).extracting(CheckInRow::carNumber).containsExactly("T110");
    }

    @Test
    void checkInAll_confirmed_checksInEveryRemainingCarOneCommandEach(FxRobot robot) {
        open();
        arrive("2", "4");
        int before = fixture.eventsOnDisk().size();

        robot.clickOn("#check-in-all");
        robot.clickOn("#dialog-cancel");
        assertThat(fixture.eventsOnDisk()).hasSize(before);

        robot.clickOn("#check-in-all");
        robot.clickOn("#confirm-action");
        assertThat(arrivals(before)).containsExactly("1", "3", "5", "6", "7", "8");
        assertThat(fixture.typesOnDiskAfter(before)).containsOnly(CarArrived.TYPE).hasSize(6);
        assertThat(counter(robot)).isEqualTo("8 of 8 checked in");
    }

    @Test
    void checkInAll_shortcut_isOffered() {
        open();
        assertThat(screen.shortcuts()).extracting(s -> s.keys())
                .contains(org.rallylab.app.ui.Keys.CHECK_IN_ALL, org.rallylab.app.ui.Keys.SEARCH);
    }

    @Test
    void checkIn_afterTheStart_bannerExplainsLateArrivals(FxRobot robot) {
        open();
        Node banner = robot.lookup("#late-banner").query();
        assertThat(UiFixture.fx(() -> banner.getParent().isVisible())).isFalse();
        assertThat(robot.lookup("#start-section").query().isVisible()).isTrue();

        arrive("1", "2", "3", "4", "5");
        execute(new Command.StartSection(kubs, List.of(1, 2, 3, 4, 5, 6)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(UiFixture.fx(() -> banner.getParent().isVisible())).isTrue();
        assertThat(UiFixture.fx(() -> ((Label) banner).getText())).contains("remaining heats")
                .contains("re-planned").contains("catch-up heats");
        assertThat(robot.lookup("#start-section").query().isVisible()).isFalse();
        assertThat(robot.lookup("#console").query().isVisible()).isTrue();

        int before = fixture.eventsOnDisk().size();
        robot.clickOn("#search").write("6").type(KeyCode.ENTER);
        assertThat(arrivals(before)).containsExactly("6");
        Screenshots.take(stage, "operator-check-in-late");
        robot.clickOn("#console");
        robot.clickOn("#home");
        assertThat(fixture.context.visits).containsExactly("console", "home");
    }

    private List<CheckInRow> rows(FxRobot robot) {
        return UiFixture.fx(() -> {
            @SuppressWarnings("unchecked")
            TableView<CheckInRow> table = (TableView<CheckInRow>) robot.lookup("#roster").query();
            return List.copyOf(table.getItems());
        });
    }

    private String counter(FxRobot robot) {
        return UiFixture.fx(() -> robot.lookup("#counter").queryAs(Label.class).getText());
    }

    private List<String> arrivals(int skip) {
        List<DomainEvent> all = fixture.eventsOnDisk();
        return all.subList(skip, all.size()).stream().filter(e -> e instanceof CarArrived)
                .map(e -> ((CarArrived) e).carNumber()).toList();
    }

    private void arrive(String... cars) {
        for (String car : cars) {
            execute(new Command.MarkArrived(kubs, car));
        }
    }

    private void execute(Command command) {
        Decision d = UiFixture.fx(() -> fixture.day.session().execute(command));
        assertThat(d).as(command.toString()).isInstanceOf(Decision.Accepted.class);
    }
}
