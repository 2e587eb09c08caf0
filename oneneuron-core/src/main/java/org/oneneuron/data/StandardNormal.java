package org.oneneuron.data;

import java.util.SplittableRandom;

/**
 * Standard normal draws that are the same bits on every JDK: Marsaglia's polar method on
 * {@link SplittableRandom#nextDouble()} (whose definition is fixed), with {@link StrictMath#log}
 * and the correctly rounded square root. {@code SplittableRandom.nextGaussian()} is not: its
 * stream from one seed differs between JDK 17 and JDK 25 after about a million draws, so data
 * generated from it would change with the JDK.
 */
public final class StandardNormal {

    private StandardNormal() {
    }

    /** One N(0, 1) draw: u·√(−2 ln s / s) for the first (u, v) in the unit disc, s = u² + v². */
    public static double draw(SplittableRandom rng) {
        while (true) {
            double u = 2 * rng.nextDouble() - 1;
            double v = 2 * rng.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * StrictMath.log(s) / s);
            }
        }
    }
}
