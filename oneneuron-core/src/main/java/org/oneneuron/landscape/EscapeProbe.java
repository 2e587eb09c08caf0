package org.oneneuron.landscape;

/**
 * The theorem's escape, asked of an augmented point before it may be called a bad local minimum
 * ({@link Certifier}): built by {@link NetworkPoints#escapeProbe} for the exponential neuron.
 */
@FunctionalInterface
public interface EscapeProbe {

    /**
     * Looks for the escape at θ.
     *
     * @param theta the augmented point (not modified)
     * @param loss  L~(θ), as the certificate measured it
     */
    EscapeEvidence probe(double[] theta, double loss);
}
