package org.rallylab.domain.event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One realistic event of every type in docs/events.md (and an unrecognized one), for codec and store tests. */
public final class SampleEvents {

    public static final String RALLY = "8d4c5a2e-0d6b-4c55-9a0e-6f1d2b3c4d5e";
    public static final String SECTION = "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9";
    public static final String GROUP = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
    private static final long T = 1_708_012_345_678L;

    private SampleEvents() {
    }

    public static List<DomainEvent> everyType() {
        Extras extra = new Extras(Map.of("future_field", JsonNodeFactory.instance.textNode("kept")));
        return List.of(
                new RallyCreated(T, RALLY, "Kub Kar Rally 2026", "2026-02-15", "organizer@example.org", Extras.NONE),
                new SectionCreated(T + 1, RALLY, SECTION, "Kub Kars", "organizer@example.org", Extras.NONE),
                new SectionRenamed(T + 2, RALLY, SECTION, "Kub Kars (Saturday)", Extras.NONE),
                new RegistrarInvited(T + 3, RALLY, SECTION, "registrar@example.org", "organizer@example.org",
                        Extras.NONE),
                new OperatorInvited(T + 4, RALLY, "operator@example.org", "organizer@example.org", Extras.NONE),
                new CheckInVolunteerInvited(T + 5, RALLY, SECTION, "volunteer@example.org", "organizer@example.org",
                        Extras.NONE),
                new RoleRevoked(T + 6, RALLY, SECTION, "volunteer@example.org", "checkin_volunteer",
                        "organizer@example.org", Extras.NONE),
                new GroupCreated(T + 7, RALLY, GROUP, "1st Lakeside", Extras.NONE),
                new RosterUpdated(T + 8, RALLY, SECTION, GROUP, List.of(
                        new Participant("p-1", "Ava Chen", null),
                        new Participant("p-2", "Ben Okafor", "B100")), "registrar@example.org", Extras.NONE),
                new ParticipantAdded(T + 9, RALLY, SECTION, new Participant("p-3", "Cleo Martin", null),
                        "registrar@example.org", Extras.NONE),
                new ParticipantRemoved(T + 10, RALLY, SECTION, "p-3", "2", "registrar@example.org", Extras.NONE),
                new ParticipantUpdated(T + 11, RALLY, SECTION, "p-1", "Ava Chen-Li",
                        new ParticipantUpdated.GroupChange(null), "registrar@example.org", Extras.NONE),
                new RosterLoaded(T + 12, RALLY, SECTION, "Kub Kars", List.of(
                        new Participant("p-1", "Ava Chen-Li", "1"),
                        new Participant("p-2", "Ben Okafor", "B100")), Extras.NONE),
                new CarArrived(T + 13, RALLY, SECTION, "1", Extras.NONE),
                new CarArrived(T + 13, RALLY, SECTION, "B100", Extras.NONE),
                new ArrivalCancelled(T + 13, RALLY, SECTION, "B100", Extras.NONE),
                new SectionStarted(T + 14, RALLY, SECTION, List.of(1, 3, 5), Extras.NONE),
                new HeatStaged(T + 15, RALLY, SECTION, 1, List.of(new LaneCar(1, "1", "Ava Chen-Li"),
                        new LaneCar(3, "B100", "Ben Okafor")), false, false, Extras.NONE),
                new RaceCompleted(T + 16, RALLY, SECTION, 1, "3f2a9c1e-7b6d-4e5f-8a9b-0c1d2e3f4a5b",
                        new TreeMap<>(Map.of(1, 2345L, 3, 2401L)), new TreeMap<>(Map.of(1, 2345120L, 3, 2400876L)),
                        false, 10_000, Extras.NONE),
                new RerunDeclared(T + 17, RALLY, SECTION, 1, "car jumped the track", Extras.NONE),
                new ResultManuallyEntered(T + 18, RALLY, SECTION, 1, List.of(new Ranking(1, 3, "B100"),
                        new Ranking(2, 1, "1")), Extras.NONE),
                new CarRemoved(T + 19, RALLY, SECTION, "B100", 2, CarRemoved.DESTROYED, Extras.NONE),
                new ResultCorrected(T + 20, RALLY, SECTION, 1, List.of(new LaneCar(1, "B100", "Ben Okafor"),
                        new LaneCar(3, "1", "Ava Chen-Li")), "cars swapped at the gate", Extras.NONE),
                new LanesChanged(T + 21, RALLY, SECTION, List.of(1, 3), "lane 5 sensor died", Extras.NONE),
                new SectionCompleted(T + 22, RALLY, SECTION, 12, true, Extras.NONE),
                new HeatStaged(T + 23, RALLY, SECTION, 2, List.of(new LaneCar(3, "1", null)), true, true, extra),
                new RaceCompleted(T + 24, RALLY, SECTION, 2, "race-2", new TreeMap<>(Map.of(3, 2999L)), null, true,
                        null, extra),
                new UnrecognizedEvent("TrophyAwarded", T + 25, RALLY, SECTION, new Extras(Map.of(
                        "rally_id", JsonNodeFactory.instance.textNode(RALLY),
                        "section_id", JsonNodeFactory.instance.textNode(SECTION),
                        "trophy", JsonNodeFactory.instance.textNode("Best in show")))));
    }
}
