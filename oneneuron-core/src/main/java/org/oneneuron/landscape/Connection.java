package org.oneneuron.landscape;

/**
 * Two end points joined by {@link ModeConnectivity}: the straight segment and the fitted quadratic
 * Bézier curve, with the fit's diagnostics.
 *
 * @param linear       the loss along (1 − t)·θa + t·θb
 * @param curve        the loss along the fitted curve
 * @param control      the fitted control point θc
 * @param fitSteps     Adam steps taken
 * @param meanLossBefore mean loss along the curve before the fit (the curve then is the segment)
 * @param skipped      sampled points skipped because the objective overflowed there
 */
public record Connection(PathProfile linear, PathProfile curve, double[] control, int fitSteps,
                         double meanLossBefore, int skipped) {

    public Connection {
        control = control.clone();
    }

    @Override
    public double[] control() {
        return control.clone();
    }

    /** How much the curve lowers the barrier: B_linear − B_curve. */
    public double barrierDrop() {
        return linear.barrier() - curve.barrier();
    }
}
