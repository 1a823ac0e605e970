package org.rallylab.domain.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rallylab.domain.testing.RaceDay.RALLY;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rallylab.domain.event.Extras;
import org.rallylab.domain.event.GroupCreated;
import org.rallylab.domain.event.Participant;
import org.rallylab.domain.event.ParticipantAdded;
import org.rallylab.domain.event.ParticipantRemoved;
import org.rallylab.domain.event.ParticipantUpdated;
import org.rallylab.domain.event.RosterLoaded;
import org.rallylab.domain.event.SectionRenamed;
import org.rallylab.domain.roster.RegisteredParticipant;
import org.rallylab.domain.state.SectionPhase;
import org.rallylab.domain.testing.RaceDay;

/** The guards and events of the pre-race commands (PreRaceRules), one rule per test. */
class PreRaceRulesTest {

    private static final ParticipantUpdated.GroupChange NO_GROUP = new ParticipantUpdated.GroupChange(null);

    /** A rally with sections kk (Kub Kars) and bb (Beaver Buggies) and the group g1 (1st Lakeside). */
    static RaceDay registration() {
        RaceDay day = new RaceDay();
        day.accept(new Command.CreateRally(RALLY, "Spring Rally", "2026-04-11", "org@example.org"));
        day.accept(new Command.CreateSection("kk", "Kub Kars", "org@example.org"));
        day.accept(new Command.CreateSection("bb", "Beaver Buggies", "org@example.org"));
        day.accept(new Command.CreateGroup("g1", "1st Lakeside"));
        return day;
    }

    static RaceDay withAvaAndBen() {
        RaceDay day = registration();
        day.accept(new Command.AddParticipant("kk", "ava", "Ava Chen", "7", null));
        day.accept(new Command.AddParticipant("kk", "ben", "Ben Okafor", null, "g1"));
        return day;
    }

    private static RegisteredParticipant registered(RaceDay day, String id) {
        return day.section("kk").registration().participants().stream()
                .filter(p -> p.participantId().equals(id)).findFirst().orElseThrow();
    }

    // ---- RenameSection ----

    @Test
    void renameSection_newName_sectionRenamedAndFolded() {
        RaceDay day = registration();
        var events = day.accept(new Command.RenameSection("kk", "  Kub Kars Saturday "));
        assertThat(events).containsExactly(
                new SectionRenamed(day.now(), RALLY, "kk", "Kub Kars Saturday", Extras.NONE));
        assertThat(day.section("kk").sectionName()).isEqualTo("Kub Kars Saturday");
        assertThat(day.state().findSection("kub kars saturday")).isPresent();
    }

    @Test
    void renameSection_blankName_rejected() {
        assertThat(registration().reject(new Command.RenameSection("kk", "  ")))
                .isEqualTo("Type a new name for Kub Kars; a section name cannot be blank.");
    }

    /** Issue 11: a name enters within the limits every path keeps (a 2 MB name used to go in). */
    @Test
    void names_tooLongOrWithControlCharacters_rejectedSayingWhy_issue11() {
        RaceDay day = registration();
        assertThat(day.reject(new Command.RenameSection("kk", "K".repeat(101))))
                .isEqualTo("The section name is 101 characters long; at most 100 are allowed.");
        assertThat(day.reject(new Command.RenameSection("kk", "Kub\u001b]0;pwned\u0007")))
                .isEqualTo("The section name holds the control character U+001B at position 4; type it without.");
        assertThat(day.reject(new Command.AddParticipant("kk", "p-new", "x".repeat(2 << 20), null, null)))
                .startsWith("The participant's name is 2097152 characters long");
        assertThat(day.reject(new Command.AddParticipant("kk", "p-new", "Ava", "B".repeat(13), null)))
                .isEqualTo("The car number is 13 characters long; at most 12 are allowed.");
        assertThat(day.decide(new Command.RenameSection("kk", "\uD83C\uDFC1".repeat(100))))
                .as("100 characters, emoji or not").isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void renameSection_nameOfAnotherSectionIgnoringCase_rejected() {
        assertThat(registration().reject(new Command.RenameSection("kk", "beaver BUGGIES")))
                .isEqualTo("There is already a section named Beaver Buggies; choose another name.");
    }

    @Test
    void renameSection_ownNameInOtherCase_accepted_sameName_ignored() {
        RaceDay day = registration();
        day.accept(new Command.RenameSection("kk", "KUB KARS"));
        assertThat(day.section("kk").sectionName()).isEqualTo("KUB KARS");
        Decision same = day.decide(new Command.RenameSection("kk", "KUB KARS"));
        assertThat(same).isEqualTo(new Decision.Ignored("KUB KARS already has that name."));
    }

    @Test
    void renameSection_unknownSection_rejected() {
        assertThat(registration().reject(new Command.RenameSection("xx", "Scout Trucks")))
                .isEqualTo("There is no section xx in this rally.");
    }

    @Test
    void renameSection_afterRacingStarted_allowed() {
        RaceDay day = RaceDay.withSection("kk", 3).checkInAll("kk").start("kk", 1, 2);
        day.accept(new Command.RenameSection("kk", "Kub Kars Final"));
        assertThat(day.section("kk").sectionName()).isEqualTo("Kub Kars Final");
        assertThat(day.section("kk").phase()).isEqualTo(SectionPhase.RACING);
    }

    // ---- CreateGroup ----

    @Test
    void createGroup_newName_groupCreated() {
        RaceDay day = registration();
        var events = day.accept(new Command.CreateGroup("g2", " 2nd Hillcrest "));
        assertThat(events).containsExactly(new GroupCreated(day.now(), RALLY, "g2", "2nd Hillcrest", Extras.NONE));
        assertThat(day.state().groups()).containsEntry("g2", "2nd Hillcrest");
    }

    @Test
    void createGroup_nameTakenIgnoringCase_rejected() {
        assertThat(registration().reject(new Command.CreateGroup("g2", "1ST LAKESIDE")))
                .isEqualTo("There is already a group named 1st Lakeside; choose another name or use that group.");
    }

    @Test
    void createGroup_idTaken_rejected() {
        assertThat(registration().reject(new Command.CreateGroup("g1", "2nd Hillcrest")))
                .isEqualTo("There is already a group with id g1 (1st Lakeside).");
    }

    @Test
    void createGroup_blankNameOrId_rejected() {
        RaceDay day = registration();
        assertThat(day.reject(new Command.CreateGroup("g2", " ")))
                .isEqualTo("Give the group a name, such as 1st Lakeside.");
        assertThat(day.reject(new Command.CreateGroup("", "2nd Hillcrest"))).isEqualTo("A group needs an id.");
    }

    @Test
    void createGroup_noRally_rejected() {
        assertThat(new RaceDay().reject(new Command.CreateGroup("g1", "1st Lakeside")))
                .isEqualTo("This rally file has no rally yet: create the rally or load a roster package first.");
    }

    // ---- AddParticipant ----

    @Test
    void addParticipant_noNumber_participantAddedWithoutNumber_foldGivesLowestFree() {
        RaceDay day = registration();
        var events = day.accept(new Command.AddParticipant("kk", "ava", " Ava Chen ", " ", null));
        assertThat(events).containsExactly(new ParticipantAdded(day.now(), RALLY, "kk",
                new Participant("ava", "Ava Chen", null), null, Extras.NONE));
        assertThat(registered(day, "ava")).isEqualTo(new RegisteredParticipant("ava", "Ava Chen", "1", null));
    }

    @Test
    void addParticipant_withGroup_addedThenUpdatedWithTheGroupInOneBatch() {
        RaceDay day = registration();
        var events = day.accept(new Command.AddParticipant("kk", "ben", "Ben Okafor", " B100 ", "g1"));
        assertThat(events).containsExactly(
                new ParticipantAdded(day.now(), RALLY, "kk", new Participant("ben", "Ben Okafor", "B100"), null,
                        Extras.NONE),
                new ParticipantUpdated(day.now(), RALLY, "kk", "ben", null, new ParticipantUpdated.GroupChange("g1"),
                        null, Extras.NONE));
        assertThat(registered(day, "ben")).isEqualTo(new RegisteredParticipant("ben", "Ben Okafor", "B100", "g1"));
    }

    @Test
    void addParticipant_blankName_rejected() {
        assertThat(registration().reject(new Command.AddParticipant("kk", "ava", "  ", null, null)))
                .isEqualTo("Give the participant a name.");
    }

    @Test
    void addParticipant_unknownGroup_rejected() {
        assertThat(registration().reject(new Command.AddParticipant("kk", "ava", "Ava Chen", null, "g9")))
                .isEqualTo("There is no group g9; create the group first.");
    }

    @Test
    void addParticipant_numberTaken_rejectedNamingTheHolder() {
        assertThat(withAvaAndBen().reject(new Command.AddParticipant("kk", "cleo", "Cleo Martin", "7", null)))
                .isEqualTo("Car number 7 is taken by Ava Chen; leave it blank to get the next free number.");
    }

    @Test
    void addParticipant_numberTakenInAnotherSection_accepted() {
        RaceDay day = withAvaAndBen();
        day.accept(new Command.AddParticipant("bb", "cleo", "Cleo Martin", "7", null));
        assertThat(day.section("bb").registration().participants()).extracting(RegisteredParticipant::carNumber)
                .containsExactly("7");
    }

    @Test
    void addParticipant_numberRetired_rejected() {
        RaceDay day = withAvaAndBen();
        day.accept(new Command.RemoveParticipant("kk", "ava"));
        assertThat(day.reject(new Command.AddParticipant("kk", "cleo", "Cleo Martin", "7", null)))
                .isEqualTo("Car number 7 was retired when its participant was removed, and numbers are never given"
                        + " again; leave it blank to get the next free number.");
    }

    @Test
    void addParticipant_idAlreadyOnRoster_rejected() {
        assertThat(withAvaAndBen().reject(new Command.AddParticipant("kk", "ava", "Ava Chen", null, null)))
                .isEqualTo("Participant ava is already on the roster of Kub Kars (Ava Chen, car 7).");
    }

    @Test
    void addParticipant_unknownSection_rejected() {
        assertThat(registration().reject(new Command.AddParticipant("xx", "ava", "Ava Chen", null, null)))
                .isEqualTo("There is no section xx in this rally.");
    }

    // ---- roster frozen for race day ----

    @Test
    void rosterChanges_afterRosterLoaded_rejectedSayingHowToProceed() {
        RaceDay day = withAvaAndBen();
        day.accept(new Command.LoadRosterForRaceDay("kk"));
        String closed = "The roster of Kub Kars is already loaded for race day, so registration is closed. Make late"
                + " changes to the race-day roster instead (load it again with the change) before Kub Kars starts.";
        assertThat(day.reject(new Command.AddParticipant("kk", "cleo", "Cleo Martin", null, null))).isEqualTo(closed);
        assertThat(day.reject(new Command.UpdateParticipant("kk", "ava", "Ava Chen-Li", null))).isEqualTo(closed);
        assertThat(day.reject(new Command.RemoveParticipant("kk", "ava"))).isEqualTo(closed);
        assertThat(day.reject(new Command.ImportParticipants("kk",
                List.of(new Command.NewParticipant("cleo", "Cleo Martin", null, null)), null))).isEqualTo(closed);
    }

    @Test
    void rosterChanges_afterStart_rejectedAsFrozen() {
        RaceDay day = withAvaAndBen();
        day.accept(new Command.LoadRosterForRaceDay("kk"));
        day.checkInAll("kk").start("kk", 1, 2);
        assertThat(day.reject(new Command.AddParticipant("kk", "cleo", "Cleo Martin", null, null)))
                .isEqualTo("Kub Kars has started racing; its roster is frozen.");
        assertThat(day.reject(new Command.LoadRosterForRaceDay("kk")))
                .isEqualTo("Kub Kars has started racing; its roster is frozen.");
    }

    // ---- UpdateParticipant ----

    @Test
    void updateParticipant_name_participantUpdatedWithTheNameOnly() {
        RaceDay day = withAvaAndBen();
        var events = day.accept(new Command.UpdateParticipant("kk", "ava", " Ava Chen-Li ", null));
        assertThat(events).containsExactly(new ParticipantUpdated(day.now(), RALLY, "kk", "ava", "Ava Chen-Li", null,
                null, Extras.NONE));
        assertThat(registered(day, "ava")).isEqualTo(new RegisteredParticipant("ava", "Ava Chen-Li", "7", null));
    }

    @Test
    void updateParticipant_groupToNone_participantUpdatedWithNullGroup_numberKept() {
        RaceDay day = withAvaAndBen();
        var events = day.accept(new Command.UpdateParticipant("kk", "ben", null, NO_GROUP));
        assertThat(events).containsExactly(new ParticipantUpdated(day.now(), RALLY, "kk", "ben", null, NO_GROUP, null,
                Extras.NONE));
        assertThat(registered(day, "ben")).isEqualTo(new RegisteredParticipant("ben", "Ben Okafor", "1", null));
    }

    @Test
    void updateParticipant_onlyTheChangedPartIsWritten() {
        RaceDay day = withAvaAndBen();
        var events = day.accept(new Command.UpdateParticipant("kk", "ben", "Ben Okafor",
                new ParticipantUpdated.GroupChange(null)));
        assertThat(((ParticipantUpdated) events.get(0)).name()).isNull();
    }

    @Test
    void updateParticipant_nothingDifferent_ignored() {
        RaceDay day = withAvaAndBen();
        assertThat(day.decide(new Command.UpdateParticipant("kk", "ben", "Ben Okafor",
                new ParticipantUpdated.GroupChange("g1"))))
                .isEqualTo(new Decision.Ignored("Ben Okafor already has that name and group."));
    }

    @Test
    void updateParticipant_nothingGiven_rejected() {
        assertThat(withAvaAndBen().reject(new Command.UpdateParticipant("kk", "ava", null, null)))
                .isEqualTo("Nothing to change for Ava Chen: give a new name or group.");
    }

    @Test
    void updateParticipant_blankNameUnknownGroupUnknownParticipant_rejected() {
        RaceDay day = withAvaAndBen();
        assertThat(day.reject(new Command.UpdateParticipant("kk", "ava", " ", null)))
                .isEqualTo("Give the participant a name.");
        assertThat(day.reject(new Command.UpdateParticipant("kk", "ava", null,
                new ParticipantUpdated.GroupChange("g9")))).isEqualTo("There is no group g9; create the group first.");
        assertThat(day.reject(new Command.UpdateParticipant("kk", "zed", "Zed", null)))
                .isEqualTo("There is no participant zed on the roster of Kub Kars.");
    }

    // ---- RemoveParticipant ----

    @Test
    void removeParticipant_eventCarriesTheNumber_numberRetired() {
        RaceDay day = withAvaAndBen();
        var events = day.accept(new Command.RemoveParticipant("kk", "ava"));
        assertThat(events).containsExactly(new ParticipantRemoved(day.now(), RALLY, "kk", "ava", "7", null,
                Extras.NONE));
        assertThat(day.section("kk").registration().participants()).extracting(RegisteredParticipant::participantId)
                .containsExactly("ben");
        assertThat(day.section("kk").registration().retiredNumbers()).containsExactly("7");
    }

    @Test
    void removeParticipant_unknownOrAlreadyRemoved_rejected() {
        RaceDay day = withAvaAndBen();
        day.accept(new Command.RemoveParticipant("kk", "ava"));
        assertThat(day.reject(new Command.RemoveParticipant("kk", "ava")))
                .isEqualTo("There is no participant ava on the roster of Kub Kars.");
        assertThat(day.reject(new Command.RemoveParticipant("kk", null))).isEqualTo("Choose a participant first.");
    }

    // ---- LoadRosterForRaceDay ----

    @Test
    void loadRosterForRaceDay_registration_rosterLoadedWithTheAssignedNumbers() {
        RaceDay day = withAvaAndBen();
        var events = day.accept(new Command.LoadRosterForRaceDay("kk"));
        assertThat(events).containsExactly(new RosterLoaded(day.now(), RALLY, "kk", "Kub Kars", List.of(
                new Participant("ava", "Ava Chen", "7"), new Participant("ben", "Ben Okafor", "1")), Extras.NONE));
        assertThat(day.section("kk").phase()).isEqualTo(SectionPhase.RALLY_LOADED);
        assertThat(day.section("kk").nameOf("1")).isEqualTo("Ben Okafor");
    }

    @Test
    void loadRosterForRaceDay_afterRename_usesTheNewName() {
        RaceDay day = withAvaAndBen();
        day.accept(new Command.RenameSection("kk", "Kub Kars Saturday"));
        RosterLoaded loaded = (RosterLoaded) day.accept(new Command.LoadRosterForRaceDay("kk")).get(0);
        assertThat(loaded.sectionName()).isEqualTo("Kub Kars Saturday");
    }

    @Test
    void loadRosterForRaceDay_emptyRoster_rejected() {
        RaceDay day = registration();
        assertThat(day.reject(new Command.LoadRosterForRaceDay("kk"))).isEqualTo("The roster of Kub Kars is empty;"
                + " add participants or import a roster file before loading it for race day.");
        day.accept(new Command.AddParticipant("kk", "ava", "Ava Chen", null, null));
        day.accept(new Command.RemoveParticipant("kk", "ava"));
        assertThat(day.reject(new Command.LoadRosterForRaceDay("kk"))).startsWith("The roster of Kub Kars is empty;");
    }

    @Test
    void loadRosterForRaceDay_unknownSection_rejected() {
        assertThat(registration().reject(new Command.LoadRosterForRaceDay("xx")))
                .isEqualTo("There is no section xx in this rally.");
    }
}
