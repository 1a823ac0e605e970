package org.rallylab.domain.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.rallylab.domain.scoring.Scoring;
import org.rallylab.domain.state.RallyState;
import org.rallylab.domain.state.SectionState;

/** Everything a state shows through its public queries, as text and as a SHA-256, to compare across processes. */
public final class StateDigest {

    private StateDigest() {
    }

    public static String text(RallyState state) {
        StringBuilder out = new StringBuilder();
        out.append(state.rallyId()).append('|').append(state.rallyName()).append('|').append(state.rallyDate())
                .append('|').append(state.eventCount()).append('|').append(state.groups()).append('|')
                .append(state.operators()).append('\n');
        for (SectionState s : state.sections()) {
            out.append(s.sectionId()).append('|').append(s.sectionName()).append('|').append(s.phase()).append('\n')
                    .append(s.registration().participants()).append('\n')
                    .append(s.roster()).append('\n')
                    .append(s.arrivedCars()).append(s.racingCars()).append(s.removals()).append('\n')
                    .append(s.lanes()).append(s.runsPerCar()).append('|').append(s.laneEraStart()).append('|')
                    .append(s.scheduleMetrics()).append('\n')
                    .append(s.heats()).append('\n')
                    .append(s.results()).append('\n')
                    .append(s.currentHeat()).append(s.heatOnTrack()).append(s.dnfRerunStaged())
                    .append(s.raceTimeoutMs()).append(s.completed()).append(s.endedEarly()).append('\n')
                    .append(Scoring.standings(s)).append('\n')
                    .append(Scoring.laneStatistics(s)).append('\n')
                    .append(Scoring.carStatistics(s)).append('\n');
        }
        return out.toString();
    }

    public static String sha256(RallyState state) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text(state).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
