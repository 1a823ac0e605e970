package org.rallylab.app.ui.audience;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rallylab.app.race.AudienceMessage;
import org.rallylab.app.race.AudienceMessage.Finish;
import org.rallylab.app.race.AudienceMessage.Lane;
import org.rallylab.app.race.AudienceMessage.LaneSensor;
import org.rallylab.app.race.AudienceMessage.Lineup;
import org.rallylab.app.race.AudienceMessage.Standing;

/**
 * The hardest roster the audience window must show whole: Scout Trucks with 4-character car
 * numbers ("T101") and 30-character names, on a 6-lane track. Every audience screen, by name.
 */
final class HardRoster {

    static final String[] NAMES = {"Wilhelmina Montgomery-Westwood", "Anastasia Wojciechowska-Brandt",
        "Maximilian Abernathy-Wentworth", "Bartholomew Kowalczyk-Matthews", "Christopher Fairweather-Morgan",
        "Alexandria Delacroix-Whitfield", "Gwendolyn Featherstonehaugh-Li", "Jacqueline Worthington-McKenna",
        "Montgomery Szczepanski-Hawkins", "Evangeline Vanderbilt-Lachance", "Sebastian Wolfenstein-Marshall",
        "Theodora Hollingsworth-Watkins", "Fitzgerald MacAllister-Brookes", "Marguerite Thibodeaux-Wellings",
        "Nathaniel Oyelaran-Whittington", "Penelope Castellanos-Whitcombe", "Alessandro Wickersham-Lefebvre",
        "Konstantin Papadopoulos-Wright", "Bernadette Kirkpatrick-Okonkwo", "Josephine Ravenscroft-Dumoulin",
        "Leopoldine Blackwood-Takahashi", "Frederick Shackleton-Beauchamp", "Guinevere Pemberton-Wainwright",
        "Stanislaus Athanasiou-Woodward", "Rosalinda Wadsworth-Kowalewski"};

    static {
        for (String name : NAMES) {
            if (name.length() != 30) {
                throw new AssertionError("not 30 characters: " + name);
            }
        }
    }

    private HardRoster() {
    }

    /** Car {@code i} (0-based): "T101", "T102", ... */
    static String car(int i) {
        return "T" + (101 + i);
    }

    static String name(int i) {
        return NAMES[i % NAMES.length];
    }

    /** Every screen (and overlay over staging), by the name its screenshot takes. */
    static Map<String, Shown> screens() {
        Map<String, Shown> all = new LinkedHashMap<>();
        all.put("welcome", new Shown(new AudienceMessage.Welcome("1st Maple Ridge Scout Truck and Kub Kar Rally 2025"),
                null));
        all.put("staging", new Shown(staging(), null));
        all.put("staging-catch-up", new Shown(new AudienceMessage.Staging("Scout Trucks", 9, 16,
                List.of(new Lane(2, car(24), name(24))), true, false, List.of()), null));
        all.put("staging-dnf-rerun", new Shown(new AudienceMessage.Staging("Scout Trucks", 5, 14,
                List.of(new Lane(3, car(3), name(3)), new Lane(6, car(8), name(8))), false, true,
                List.of(lineup(6, 12))), null));
        all.put("results", new Shown(results(), null));
        all.put("results-manual", new Shown(manualResults(), null));
        all.put("standings", new Shown(new AudienceMessage.Leaderboard("Scout Trucks", standings(25)), null));
        all.put("section-complete-reveal", new Shown(new AudienceMessage.SectionComplete("Scout Trucks",
                standings(25), 19, true), null));
        all.put("section-complete", new Shown(new AudienceMessage.SectionComplete("Scout Trucks", standings(25), 25,
                false), null));
        all.put("track-status", new Shown(staging(), trackStatus()));
        all.put("track-disconnected", new Shown(staging(), new AudienceMessage.TrackStatus(null, List.of(), false,
                "The track is not connected.")));
        return all;
    }

    static AudienceMessage.Staging staging() {
        List<Lane> lanes = new ArrayList<>();
        for (int lane = 1; lane <= 6; lane++) {
            lanes.add(new Lane(lane, car(lane + 10), name(lane + 10)));
        }
        return new AudienceMessage.Staging("Scout Trucks", 3, 14, lanes, false, false,
                List.of(lineup(4, 2), lineup(5, 18)));
    }

    static Lineup lineup(int heat, int firstCar) {
        List<Lane> lanes = new ArrayList<>();
        for (int lane = 1; lane <= 6; lane++) {
            lanes.add(new Lane(lane, car(firstCar + lane), name(firstCar + lane)));
        }
        return new Lineup(heat, lanes);
    }

    static AudienceMessage.Results results() {
        return new AudienceMessage.Results("Scout Trucks", 3, List.of(
                new Finish(1, 4, car(14), name(14), 2_741L, false, false),
                new Finish(2, 2, car(12), name(12), 2_853L, false, false),
                new Finish(3, 6, car(16), name(16), 2_907L, false, false),
                new Finish(4, 1, car(11), name(11), 3_012L, false, false),
                new Finish(5, 5, car(15), name(15), 12_388L, false, true),
                new Finish(6, 3, car(13), name(13), null, true, false)), false);
    }

    static AudienceMessage.Results manualResults() {
        return new AudienceMessage.Results("Scout Trucks", 7, List.of(
                new Finish(1, 3, car(2), name(2), null, false, false),
                new Finish(2, 1, car(0), name(0), null, false, false),
                new Finish(3, 6, car(5), name(5), null, false, false),
                new Finish(4, 2, car(1), name(1), null, false, false),
                new Finish(5, 4, car(3), name(3), null, false, false),
                new Finish(6, 5, car(4), name(4), null, true, false)), true);
    }

    /** {@code count} cars: a tie for 3rd, the last two incomplete, T108 with two DNFs, T110 placed by hand once. */
    static List<Standing> standings(int count) {
        List<Standing> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int rank = i == 3 ? 3 : i + 1;
            long avg = i == 2 || i == 3 ? 2_790 : 2_712 + 24L * i + (i % 3) * 5;
            boolean incomplete = count > 5 && i >= count - 2;
            int dnf = i == 7 ? 2 : 0;
            int byHand = i == 9 ? 1 : 0;
            lines.add(new Standing(rank, car(i), name(i), dnf + byHand == 0 ? avg : null, avg - 41 - (i % 4) * 9,
                    incomplete ? 10 : 12, dnf, byHand, incomplete));
        }
        return lines;
    }

    static AudienceMessage.TrackStatus trackStatus() {
        List<LaneSensor> sensors = new ArrayList<>();
        for (int lane = 1; lane <= 6; lane++) {
            sensors.add(new LaneSensor(lane, lane == 3));
        }
        return new AudienceMessage.TrackStatus(false, sensors, true, "Lane 3 sensor is stuck.");
    }

    /** A screen and the overlay over it (null: none). */
    record Shown(AudienceMessage.Screen screen, AudienceMessage.Overlay overlay) {
    }
}
