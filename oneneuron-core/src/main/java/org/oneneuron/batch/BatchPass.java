package org.oneneuron.batch;

/**
 * One evaluation of L~ and ∇L~ for every run of a batch, structure-of-arrays
 * ({@code theta[p][r]} = parameter p of run r). Two implementations give the same bits:
 * {@link TinyNetPass}, hand-fused for one hidden layer (the W4 and case-A shape; 1.8× the
 * general mode's speed, docs/PERFORMANCE.md), and {@link LaneBatchPass}, the engine's
 * many-networks mode for every other tiny MLP.
 */
interface BatchPass {

    /** L~ into {@link #value()} and ∇L~ into grad (every entry written); with record, the figures too. */
    void evaluate(double[][] theta, double[][] grad, boolean record);

    /** L~ per run after {@link #evaluate}. */
    double[] value();

    /** s·Σ_i ℓ(f(x_i)) of each run's network alone, after a recording pass. */
    double[] networkOnly();

    /** max_i |a·φ(u_i)| per run, after a recording pass. */
    double[] maxContribution();

    /** max_i |u_i| per run: beyond {@link TinyNetPass#EXP_SAFE}, e^u may leave the normal range. */
    double[] largestExponent();

    /**
     * The fused pass where it applies, else the engine's many-networks mode; the system property
     * {@code oneneuron.batch.pass=lanes} forces the latter (to measure the two against each other:
     * the bits are the same).
     */
    static BatchPass of(TinyNetProblem problem, int runs) {
        boolean lanes = "lanes".equals(System.getProperty("oneneuron.batch.pass"));
        return !lanes && TinyNetPass.takes(problem) ? new TinyNetPass(problem, runs) : new LaneBatchPass(problem, runs);
    }
}
