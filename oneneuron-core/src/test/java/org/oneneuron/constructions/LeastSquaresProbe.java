package org.oneneuron.constructions;

import org.oneneuron.data.Dataset;

/** Opens the package's least-squares fit to tests elsewhere (an independent check of other solvers). */
public final class LeastSquaresProbe {

    private LeastSquaresProbe() {
    }

    /** β_0..β_{d-1} followed by γ: the minimum-norm least-squares affine fit. */
    public static double[] affineFit(Dataset data) {
        return LeastSquares.affineFit(data);
    }
}
