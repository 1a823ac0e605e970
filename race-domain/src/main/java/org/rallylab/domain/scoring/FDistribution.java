package org.rallylab.domain.scoring;

/**
 * The upper tail of Fisher's F distribution, for the p-value of an ANOVA.
 *
 * <p>For F with (d1, d2) degrees of freedom, P(F &gt; f) = I_x(d2/2, d1/2) with
 * x = d2 / (d2 + d1·f), where I_x(a, b) is the regularized incomplete beta function
 * (Abramowitz &amp; Stegun 26.6.2; DLMF 8.17). I_x is evaluated from its continued fraction
 * (DLMF 8.17.22):
 *
 * <pre>
 *   I_x(a,b) = x^a (1−x)^b / (a·B(a,b)) · 1 / (1 + d1 / (1 + d2 / (1 + ...)))
 *   d(2m+1) = −(a+m)(a+b+m) x / ((a+2m)(a+2m+1)),   d(2m) = m(b−m) x / ((a+2m−1)(a+2m))
 * </pre>
 *
 * which converges quickly for x &lt; (a+1)/(a+b+2); above that, I_x(a,b) = 1 − I_(1−x)(b,a)
 * (DLMF 8.17.4). The fraction is summed by the modified Lentz method (Lentz 1976, as modified
 * by Thompson &amp; Barnett 1986): convergents f_j = f_(j−1)·C_j·D_j with C_j = 1 + d_j/C_(j−1),
 * D_j = 1/(1 + d_j·D_(j−1)), tiny values standing in for zeros. B(a,b) comes from ln Γ by
 * Stirling's series (DLMF 5.11.1) after shifting the argument above 10 with Γ(z+1) = zΓ(z).
 */
final class FDistribution {

    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_TERMS = 100_000;
    private static final double HALF_LN_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private FDistribution() {
    }

    /** P(F &gt; f) for (d1, d2) degrees of freedom; NaN for NaN or degrees of freedom below 1. */
    static double upperTail(double f, double d1, double d2) {
        if (Double.isNaN(f) || !(d1 >= 1) || !(d2 >= 1)) {
            return Double.NaN;
        }
        if (f <= 0) {
            return 1;
        }
        if (f == Double.POSITIVE_INFINITY) {
            return 0;
        }
        return regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
    }

    /** I_x(a, b) for a, b &gt; 0. */
    static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - regularizedBeta(1 - x, b, a);
        }
        double lnFront = a * Math.log(x) + b * Math.log1p(-x) - lnBeta(a, b);
        return Math.exp(lnFront) / a / continuedFraction(x, a, b);
    }

    /** 1 + d1 / (1 + d2 / (1 + ...)) by the modified Lentz method. */
    private static double continuedFraction(double x, double a, double b) {
        double value = 1;
        double c = 1;
        double d = 0;
        for (int j = 1; j <= MAX_TERMS; j++) {
            int m = j / 2;
            double term = (j % 2 == 1)
                    ? -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
                    : m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 + term * d;
            d = 1 / (Math.abs(d) < TINY ? TINY : d);
            c = 1 + term / c;
            c = Math.abs(c) < TINY ? TINY : c;
            double step = c * d;
            value *= step;
            if (Math.abs(step - 1) < EPSILON) {
                break;
            }
        }
        return value;
    }

    static double lnBeta(double a, double b) {
        return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
    }

    /** ln Γ(z) for z &gt; 0. */
    static double lnGamma(double z) {
        double shift = 0;
        while (z < 10) {
            shift += Math.log(z);
            z += 1;
        }
        double inv = 1 / z;
        double inv2 = inv * inv;
        // Stirling: (z − ½) ln z − z + ½ ln 2π + Σ B(2k) / (2k(2k−1) z^(2k−1)), k = 1..5
        double series = inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260
                + inv2 * (-1.0 / 1680 + inv2 * (1.0 / 1188)))));
        return (z - 0.5) * Math.log(z) - z + HALF_LN_TWO_PI + series - shift;
    }
}
