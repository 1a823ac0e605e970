package org.rallylab.app.prerace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rallylab.domain.command.Command;
import org.rallylab.domain.command.Decision;
import org.rallylab.domain.command.RaceRules;
import org.rallylab.domain.event.DomainEvent;
import org.rallylab.domain.event.EventLimits;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.roster.RegisteredParticipant;
import org.rallylab.domain.roster.SectionRoster;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/** The import preview: what is added with which number, what is skipped and why; and that the fold agrees. */
class ImportPreviewTest {

    private static final String SECTION = "kk";

    @TempDir
    Path folder;

    private final RaceRules rules = new RaceRules();
    private final List<DomainEvent> log = new ArrayList<>();
    private RallyState state = RallyState.empty();
    private long clock = 1_708_000_000_000L;

    private void run(Command command) {
        Decision d = rules.decide(state, command, clock += 1_000);
        assertThat(d).as("%s: %s", command, d.message()).isInstanceOf(Decision.Accepted.class);
        d.events().forEach(e -> {
            log.add(e);
            state.apply(e);
        });
        assertThat(RallyState.replay(log)).isEqualTo(state);
    }

    private SectionState section() {
        return state.section(SECTION).orElseThrow();
    }

    private Map<String, String> carByName() {
        Map<String, String> cars = new HashMap<>();
        for (RegisteredParticipant p : section().registration().participants()) {
            cars.put(p.name(), p.carNumber());
        }
        return cars;
    }

    private static Supplier<String> ids() {
        int[] next = {0};
        return () -> "id-" + (++next[0]);
    }

    /** Ava Chen (car 7) and Ben Okafor (car 1) on the roster; car 2 retired; group 1st Lakeside exists. */
    private void rosterWithAvaBenAndARetiredNumber() {
        run(new Command.CreateRally("rally-1", "Spring Rally", "2026-04-11", "org@example.org"));
        run(new Command.CreateSection(SECTION, "Kub Kars", "org@example.org"));
        run(new Command.CreateGroup("g1", "1st Lakeside"));
        run(new Command.AddParticipant(SECTION, "ava", "Ava Chen", "7", "g1"));
        run(new Command.AddParticipant(SECTION, "ben", "Ben Okafor", null, null));
        run(new Command.AddParticipant(SECTION, "cleo", "Cleo Martin", null, null));
        run(new Command.RemoveParticipant(SECTION, "cleo"));
    }

    @Test
    void of_csvAgainstRoster_addsNumbersSkipsDuplicatesAndReportsInvalidRows_foldGivesThePromisedNumbers()
            throws Exception {
        rosterWithAvaBenAndARetiredNumber();
        Path file = Files.writeString(folder.resolve("roster.csv"), String.join("\n",
                "Name,Car Number,Pack",
                "Dev Patel,,1st lakeside",
                "ava chen,7,",
                "Elle Roy,3,2nd Hillcrest",
                "Finn Byrne,,",
                ",9,",
                "Dev  Patel,,1ST LAKESIDE",
                "Gus Lee,2,",
                "Hana Sato,7,",
                "Ivy Park,12,",
                "Jo Dunn,12,",
                "Kai Moss,B100,2nd hillcrest",
                "Ben Okafor,,",
                "Finn Byrne,5,",
                "Lou Hart,4,") + "\n");

        ImportPreview preview = ImportPreview.of(RosterFile.read(file), section());

        assertThat(preview.additions()).containsExactly(
                new ImportPreview.Addition(new RosterRow(2, "Dev Patel", null, "1st lakeside"), "8", false),
                new ImportPreview.Addition(new RosterRow(4, "Elle Roy", "3", "2nd Hillcrest"), "3", true),
                new ImportPreview.Addition(new RosterRow(5, "Finn Byrne", null, null), "9", false),
                new ImportPreview.Addition(new RosterRow(12, "Kai Moss", "B100", "2nd hillcrest"), "B100", true),
                new ImportPreview.Addition(new RosterRow(15, "Lou Hart", "4", null), "4", true));
        assertThat(preview.duplicates()).extracting(ImportPreview.Skipped::message).containsExactly(
                "Row 3 (ava chen): Ava Chen is already on the roster with car 7",
                "Row 7 (Dev Patel): same name and car number as row 2",
                "Row 13 (Ben Okafor): Ben Okafor is already on the roster with car 1",
                "Row 14 (Finn Byrne): same name as row 5, which has no car number");
        assertThat(preview.invalid()).extracting(ImportPreview.Skipped::message).containsExactly(
                "Row 6: no name",
                "Row 8 (Gus Lee): car number 2 was retired (its participant was removed) and is never given again;"
                        + " leave it blank to get the next free number",
                "Row 9 (Hana Sato): car number 7 is taken by Ava Chen, who is already on the roster; leave it blank"
                        + " to get the next free number",
                "Row 10 (Ivy Park): car number 12 is used twice in the file (also on row 11); give each car its own"
                        + " number",
                "Row 11 (Jo Dunn): car number 12 is used twice in the file (also on row 10); give each car its own"
                        + " number");
        assertThat(preview.groupNames()).containsExactly("1st lakeside", "2nd Hillcrest");

        List<Command> commands = preview.commands(ids());
        assertThat(commands).hasSize(1);
        run(commands.get(0));

        Map<String, String> cars = carByName();
        preview.additions().forEach(a -> assertThat(cars).containsEntry(a.row().name(), a.carNumber()));
        assertThat(cars).containsEntry("Ava Chen", "7").containsEntry("Ben Okafor", "1").hasSize(7);
        assertThat(state.groups()).containsOnlyKeys("g1", "id-3");
        assertThat(section().registration().participants()).filteredOn(p -> p.name().equals("Dev Patel"))
                .extracting(RegisteredParticipant::groupId).containsExactly("g1");
    }

    @Test
    void commands_idsFromTheSupplier_groupsAndParticipantsInFileOrder() {
        ImportPreview preview = ImportPreview.of(List.of(
                new RosterRow(2, "Ava Chen", null, "Wolf"),
                new RosterRow(3, "Ben Okafor", "9", "wolf"),
                new RosterRow(4, "Cleo Martin", null, null)), SECTION, new org.rallylab.domain.roster.SectionRoster());
        assertThat(preview.commands(ids())).containsExactly(new Command.ImportParticipants(SECTION, List.of(
                new Command.NewParticipant("id-2", "Ava Chen", null, "Wolf"),
                new Command.NewParticipant("id-3", "Ben Okafor", "9", "wolf"),
                new Command.NewParticipant("id-4", "Cleo Martin", null, null)), Map.of("Wolf", "id-1")));
        assertThat(preview.additions()).extracting(ImportPreview.Addition::carNumber).containsExactly("10", "9", "11");
    }

    @Test
    void commands_nothingToAdd_noCommand() {
        ImportPreview preview = ImportPreview.of(List.of(new RosterRow(2, null, "1", null)), SECTION,
                new org.rallylab.domain.roster.SectionRoster());
        assertThat(preview.additions()).isEmpty();
        assertThat(preview.commands(ids())).isEmpty();
    }

    @Test
    void issue11_rowsBreakingTheEventLimits_invalidWithTheReason_notCut() {
        String longName = "A".repeat(EventLimits.MAX_NAME_CHARS + 1);
        ImportPreview preview = ImportPreview.of(List.of(
                new RosterRow(2, longName, null, null),
                new RosterRow(3, "Ben Okafor", "B1234567890123", null),
                new RosterRow(4, "Cleo\u0007Martin", null, null),
                new RosterRow(5, "Dev Patel", null, "G".repeat(EventLimits.MAX_NAME_CHARS + 1)),
                new RosterRow(6, "Elle Roy", "5", "Wolf")), SECTION, new SectionRoster());

        assertThat(preview.invalid()).extracting(ImportPreview.Skipped::message).containsExactly(
                "Row 2 (" + "A".repeat(37) + "...): name is 101 characters long; at most 100 are allowed",
                "Row 3 (Ben Okafor): car number B1234567890123 is 14 characters long; at most 12 are allowed",
                "Row 4 (Cleo\uFFFDMartin): name holds the control character U+0007 at position 5; type it without",
                "Row 5 (Dev Patel): group name is 101 characters long; at most 100 are allowed");
        assertThat(preview.commands(ids())).containsExactly(new Command.ImportParticipants(SECTION,
                List.of(new Command.NewParticipant("id-2", "Elle Roy", "5", "Wolf")), Map.of("Wolf", "id-1")));
    }

    @Test
    void issue11_moreRowsThanTheSectionHasRoomFor_theRestInvalid() {
        SectionRoster roster = new SectionRoster();
        for (int i = 1; i <= EventLimits.MAX_PARTICIPANTS - 2; i++) {
            roster.add(new Participant("p" + i, "Kid " + i, null), null);
        }
        ImportPreview preview = ImportPreview.of(List.of(
                new RosterRow(2, "Ava Chen", null, null), new RosterRow(3, "Ben Okafor", null, null),
                new RosterRow(4, "Cleo Martin", null, null), new RosterRow(5, "Dev Patel", null, null)),
                SECTION, roster);

        assertThat(preview.additions()).extracting(a -> a.row().name()).containsExactly("Ava Chen", "Ben Okafor");
        assertThat(preview.invalid()).extracting(ImportPreview.Skipped::message).containsExactly(
                "Row 4 (Cleo Martin): the section would then hold more than 1000 participants, the most a roster"
                        + " holds; import this row into another section",
                "Row 5 (Dev Patel): the section would then hold more than 1000 participants, the most a roster"
                        + " holds; import this row into another section");
    }

    @Test
    void of_sameNameDifferentCarNumbers_twoPeople() {
        ImportPreview preview = ImportPreview.of(List.of(
                new RosterRow(2, "Sam Lee", "4", null), new RosterRow(3, "Sam Lee", "5", null)), SECTION,
                new org.rallylab.domain.roster.SectionRoster());
        assertThat(preview.additions()).hasSize(2);
        assertThat(preview.duplicates()).isEmpty();
    }

    @Test
    void of_laterRowWithANumberForSomeoneWithout_skippedAsTheSamePerson() {
        ImportPreview preview = ImportPreview.of(List.of(
                new RosterRow(2, "Sam Lee", "4", null), new RosterRow(3, "sam lee", null, null)), SECTION,
                new org.rallylab.domain.roster.SectionRoster());
        assertThat(preview.duplicates()).extracting(ImportPreview.Skipped::reason)
                .containsExactly("same name as row 2 (car 4)");
    }

    @Test
    void of_xlsxImportedIntoEmptySection_numbersMatchTheFold() throws Exception {
        run(new Command.CreateRally("rally-1", "Spring Rally", null, null));
        run(new Command.CreateSection(SECTION, "Kub Kars", null));
        Path file = RosterFiles.xlsx(folder.resolve("roster.xlsx"), 1, List.of(
                Arrays.asList("First Name", "Last Name", "Car #", "Den"),
                Arrays.asList("Ava", "Chen", null, "Wolf"),
                Arrays.asList("Ben", "Okafor", 2.0, "Bear"),
                Arrays.asList("Cleo", "Martin", null, "wolf"),
                Arrays.asList("Dev", "Patel", 1, null),
                Arrays.asList("Ava", "Chen", null, "Wolf")));
        ImportPreview preview = ImportPreview.of(RosterFile.read(file), section());
        assertThat(preview.additions()).extracting(a -> a.row().name() + "=" + a.carNumber())
                .containsExactly("Ava Chen=3", "Ben Okafor=2", "Cleo Martin=4", "Dev Patel=1");
        assertThat(preview.duplicates()).extracting(ImportPreview.Skipped::message)
                .containsExactly("Row 6 (Ava Chen): same name and car number as row 2");

        run(preview.commands(ids()).get(0));

        assertThat(carByName()).containsExactlyInAnyOrderEntriesOf(
                Map.of("Ava Chen", "3", "Ben Okafor", "2", "Cleo Martin", "4", "Dev Patel", "1"));
        assertThat(state.groups().values()).containsExactly("Wolf", "Bear");
    }

    @Test
    void of_randomRostersAndFiles_commandAcceptedAndFoldGivesEveryPromisedNumber() {
        Random random = new Random(2026);
        for (int r0 = 0; r0 < 150; r0++) {
            final int round = r0;
            log.clear();
            state = RallyState.empty();
            run(new Command.CreateRally("rally-1", "Spring Rally", null, null));
            run(new Command.CreateSection(SECTION, "Kub Kars", null));
            int existing = random.nextInt(8);
            for (int i = 0; i < existing; i++) {
                String label = random.nextBoolean() ? null : String.valueOf(1 + random.nextInt(12));
                String name = "Kid " + random.nextInt(15);
                boolean taken = section().registration().participants().stream()
                        .anyMatch(p -> p.carNumber().equals(label));
                if (label == null || !taken && !section().registration().retiredNumbers().contains(label)) {
                    run(new Command.AddParticipant(SECTION, "p" + i, name, label, null));
                }
                if (random.nextInt(4) == 0 && !section().registration().participants().isEmpty()) {
                    run(new Command.RemoveParticipant(SECTION, section().registration().participants().get(0)
                            .participantId()));
                }
            }
            List<RosterRow> rows = new ArrayList<>();
            int count = 1 + random.nextInt(15);
            for (int r = 0; r < count; r++) {
                String label = random.nextInt(3) == 0 ? String.valueOf(1 + random.nextInt(15)) : null;
                String name = random.nextInt(10) == 0 ? null : "Kid " + random.nextInt(20);
                rows.add(new RosterRow(r + 2, name, label, random.nextBoolean() ? "Group " + random.nextInt(3) : null));
            }

            ImportPreview preview = ImportPreview.of(rows, section());
            assertThat(preview.additions().size() + preview.duplicates().size() + preview.invalid().size())
                    .as("every row is accounted for").isEqualTo(rows.size());
            List<Command> commands = preview.commands(ids());
            Map<String, String> idByRow = new HashMap<>();
            if (!commands.isEmpty()) {
                Command.ImportParticipants c = (Command.ImportParticipants) commands.get(0);
                for (int i = 0; i < c.participants().size(); i++) {
                    idByRow.put(c.participants().get(i).participantId(),
                            preview.additions().get(i).carNumber());
                }
                run(c);
            }
            Map<String, String> carById = new HashMap<>();
            section().registration().participants().forEach(p -> carById.put(p.participantId(), p.carNumber()));
            idByRow.forEach((id, promised) -> assertThat(carById).as("round %d", round).containsEntry(id, promised));
        }
    }

    /**
     * Issue 12: importing the same children into a second section went through without a word. The
     * preview names them (accents and spaces aside); they are still added if the operator goes on.
     */
    @Test
    void preview_namesAlreadyInAnotherSection_warnedNamingThem_issue12() {
        run(new Command.CreateRally("rally-1", "Spring Rally", "2026-04-11", "org@example.org"));
        run(new Command.CreateSection("bb", "Beaver Buggies", "org@example.org"));
        run(new Command.CreateSection(SECTION, "Kub Kars", "org@example.org"));
        run(new Command.AddParticipant("bb", "p1", "Zoë Núñez", "7", null));

        ImportPreview preview = ImportPreview.of(List.of(new RosterRow(2, "zoe  nunez", null, null),
                new RosterRow(3, "Ava Chen", null, null)), section(), state);

        assertThat(preview.additions()).hasSize(2);
        assertThat(preview.inOtherSections()).extracting(ImportPreview.Skipped::message)
                .containsExactly("Row 2 (zoe  nunez): Zoë Núñez is already in Beaver Buggies (car 7)");
    }
}
