package org.oneneuron.linalg;

import java.util.Locale;

/**
 * The arithmetic of the passes an optimizer descends and a workspace runs in: {@code float64}, or
 * {@code float32} forward and reverse passes (θ stays float64 in the optimizer; Hessian-vector
 * products, certificates and reported figures stay float64). The engine's workspaces, the run
 * floor's configs, study specs and {@code --dtype} all name it.
 */
public enum Precision {
    FLOAT64, FLOAT32;

    /** The word on the command line and in model files: {@code float64} or {@code float32}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code float64} or {@code float32}. */
    public static Precision parse(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        for (Precision p : values()) {
            if (p.word().equals(w)) {
                return p;
            }
        }
        throw new IllegalArgumentException("precision must be float64 or float32, got '" + word + "'");
    }
}
