package org.oneneuron.landscape;

/**
 * The extreme eigenpairs of H(θ) found by {@link Lanczos}, with their diagnostics.
 *
 * @param min               the smallest Ritz pair (λ_min estimate)
 * @param max               the largest Ritz pair (λ_max estimate)
 * @param ritzValues        all Ritz values, ascending
 * @param steps             Krylov steps taken (each one Hessian-vector product)
 * @param invariant         whether the Krylov space became invariant (the Ritz values are exact)
 * @param normEstimate      max(|λ_min|, |λ_max|), the estimate of ‖H‖ used for tolerances
 * @param relativeTolerance the tolerance of {@link #converged()}
 */
public record LanczosResult(RitzPair min, RitzPair max, double[] ritzValues, int steps,
                            boolean invariant, double normEstimate, double relativeTolerance) {

    public LanczosResult {
        ritzValues = ritzValues.clone();
    }

    @Override
    public double[] ritzValues() {
        return ritzValues.clone();
    }

    /** Both residuals within relativeTolerance·‖H‖ (absolute 1e-300 floor when H = 0). */
    public boolean converged() {
        double bound = relativeTolerance * Math.max(normEstimate, Double.MIN_NORMAL);
        return min.residual() <= bound && max.residual() <= bound;
    }
}
