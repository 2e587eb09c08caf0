package org.oneneuron.batch;

import org.oneneuron.engine.LanePasses;

/**
 * {@link BatchPass} through the engine's many-networks mode ({@link LanePasses}), which keeps
 * parameters element-major in one array: θ is copied in and ∇L~ out on every evaluation (P·R
 * values, little next to the pass).
 */
final class LaneBatchPass implements BatchPass {

    private final LanePasses lanes;
    private final int runs;
    private final double[] theta;
    private final double[] grad;

    LaneBatchPass(TinyNetProblem problem, int runs) {
        this.lanes = new LanePasses(problem.spec(), problem.data(), problem.loss(), problem.scale(),
                problem.lambda(), runs);
        this.runs = runs;
        int params = problem.spec().layout().dimension();
        this.theta = new double[params * runs];
        this.grad = new double[params * runs];
    }

    @Override
    public void evaluate(double[][] th, double[][] gr, boolean record) {
        for (int p = 0; p < th.length; p++) {
            System.arraycopy(th[p], 0, theta, p * runs, runs);
        }
        lanes.evaluate(theta, grad, record);
        for (int p = 0; p < gr.length; p++) {
            System.arraycopy(grad, p * runs, gr[p], 0, runs);
        }
    }

    @Override
    public double[] value() {
        return lanes.value;
    }

    @Override
    public double[] networkOnly() {
        return lanes.networkOnly;
    }

    @Override
    public double[] maxContribution() {
        return lanes.maxContribution;
    }

    @Override
    public double[] largestExponent() {
        return lanes.largestExponent;
    }
}
