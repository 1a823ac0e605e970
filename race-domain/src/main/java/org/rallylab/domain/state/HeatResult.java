package org.rallylab.domain.state;

/**
 * The accepted result of a heat (docs/race-rules.md, Results): the latest race or manual ranking in log order,
 * cleared by a re-run. Lanes of the heat without a time or place are DNF.
 */
public sealed interface HeatResult permits TimedResult, ManualResult {

    /** True when the car in {@code lane} did not finish. */
    boolean isDnf(int lane);
}
