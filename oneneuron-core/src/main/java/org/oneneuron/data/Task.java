package org.oneneuron.data;

import java.util.Locale;

/**
 * What the label column asks for: two classes coded ±1, K ≥ 2 classes coded 0..K-1, or real
 * targets. {@link TargetCoding} infers it from the labels when it is not given.
 */
public enum Task {
    BINARY, MULTICLASS, REGRESSION;

    /** The word used in options and outputs. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code binary}, {@code multiclass} (or {@code multi-class}) or {@code regression}. */
    public static Task parse(String word) {
        return switch (word.trim().toLowerCase(Locale.ROOT).replace("-", "")) {
            case "binary" -> BINARY;
            case "multiclass" -> MULTICLASS;
            case "regression" -> REGRESSION;
            default -> throw new IllegalArgumentException("unknown task '" + word
                    + "'; expected binary, multiclass or regression");
        };
    }
}
