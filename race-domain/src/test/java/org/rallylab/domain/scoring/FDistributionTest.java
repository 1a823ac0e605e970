package org.rallylab.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The F upper tail and the functions under it, against closed forms worked out independently:
 * for d1 = 2, P(F &gt; f) = (d2 / (d2 + 2f))^(d2/2); for d2 = 2, P(F &gt; f) = 1 − (d1·f / (2 + d1·f))^(d1/2);
 * for d1 = d2 = 1, P(F &gt; f) = 1 − (2/π)·atan(√f); I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b.
 */
class FDistributionTest {

    @Test
    void upperTail_twoNumeratorDegrees_matchesClosedForm() {
        double[] fs = {0.1, 0.5, 1, 2.5, 3.885, 10, 40};
        double[] d2s = {1, 3, 6, 12, 57, 1000};
        for (double d2 : d2s) {
            for (double f : fs) {
                double expected = Math.pow(d2 / (d2 + 2 * f), d2 / 2);
                assertThat(FDistribution.upperTail(f, 2, d2)).as("F(2,%s) at %s", d2, f)
                        .isCloseTo(expected, within(1e-12 + 1e-10 * expected));
            }
        }
    }

    @Test
    void upperTail_twoDenominatorDegrees_matchesClosedForm() {
        double[] fs = {0.1, 0.5, 1, 2.5, 19, 100};
        double[] d1s = {1, 3, 4, 7, 20};
        for (double d1 : d1s) {
            for (double f : fs) {
                double expected = 1 - Math.pow(d1 * f / (2 + d1 * f), d1 / 2);
                assertThat(FDistribution.upperTail(f, d1, 2)).as("F(%s,2) at %s", d1, f)
                        .isCloseTo(expected, within(1e-12 + 1e-10 * expected));
            }
        }
    }

    @Test
    void upperTail_oneAndOneDegrees_matchesCauchy() {
        for (double f : new double[] {0.01, 0.3, 1, 3, 161.4, 1e4}) {
            double expected = 1 - 2 / Math.PI * Math.atan(Math.sqrt(f));
            assertThat(FDistribution.upperTail(f, 1, 1)).as("F(1,1) at %s", f)
                    .isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void upperTail_edges() {
        assertThat(FDistribution.upperTail(0, 3, 10)).isEqualTo(1.0);
        assertThat(FDistribution.upperTail(Double.POSITIVE_INFINITY, 3, 10)).isEqualTo(0.0);
        assertThat(FDistribution.upperTail(Double.NaN, 3, 10)).isNaN();
        assertThat(FDistribution.upperTail(2, 0, 10)).isNaN();
        assertThat(FDistribution.upperTail(2, 3, 0)).isNaN();
    }

    @Test
    void regularizedBeta_matchesClosedFormsAndSymmetry() {
        for (double x : new double[] {0.01, 0.2, 0.5, 0.77, 0.99}) {
            for (double a : new double[] {0.5, 1, 2.5, 7, 30}) {
                assertThat(FDistribution.regularizedBeta(x, a, 1)).isCloseTo(Math.pow(x, a), within(1e-12));
                assertThat(FDistribution.regularizedBeta(x, 1, a)).isCloseTo(1 - Math.pow(1 - x, a), within(1e-12));
                double b = a + 1.5;
                assertThat(FDistribution.regularizedBeta(x, a, b) + FDistribution.regularizedBeta(1 - x, b, a))
                        .isCloseTo(1.0, within(1e-12));
            }
        }
    }

    @Test
    void lnGamma_matchesFactorialsAndHalfIntegers() {
        assertThat(FDistribution.lnGamma(1)).isCloseTo(0.0, within(1e-13));
        assertThat(FDistribution.lnGamma(2)).isCloseTo(0.0, within(1e-13));
        assertThat(FDistribution.lnGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-13)); // Γ(½) = √π
        assertThat(FDistribution.lnGamma(1.5)).isCloseTo(Math.log(Math.sqrt(Math.PI) / 2), within(1e-13));
        double lnFactorial = 0; // ln((n − 1)!) = Σ ln k, k = 1 .. n − 1
        for (int n = 2; n <= 171; n++) {
            assertThat(FDistribution.lnGamma(n)).as("ln Γ(%s)", n)
                    .isCloseTo(lnFactorial, within(1e-12 * Math.max(1, lnFactorial)));
            lnFactorial += Math.log(n);
        }
    }
}
