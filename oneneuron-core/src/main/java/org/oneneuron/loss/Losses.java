package org.oneneuron.loss;

import java.util.Locale;

/** The named losses and their parser. */
public final class Losses {

    /** The default loss: the cubic hinge max(z + 1, 0)³. */
    public static final MarginLoss CUBIC_HINGE = new PolynomialHinge(3);
    public static final MarginLoss SMOOTH_HINGE = new SmoothHinge();
    public static final MarginLoss LOGISTIC = new LogisticLoss();
    public static final MarginLoss SQUARED = new SquaredLoss();
    /** ½(f - t)² on real targets. */
    public static final SampleLoss TARGET_SQUARED = new TargetSquaredLoss();

    private Losses() {
    }

    /** Parses {@code cubic-hinge}, {@code hinge-p:P}, {@code smooth-hinge}, {@code logistic} or {@code squared}. */
    public static MarginLoss parse(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (w.startsWith("hinge-p:")) {
            String p = w.substring("hinge-p:".length());
            try {
                return new PolynomialHinge(Double.parseDouble(p));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("loss '" + word + "': power '" + p + "' is not a number", e);
            }
        }
        return switch (w) {
            case "cubic-hinge" -> CUBIC_HINGE;
            case "smooth-hinge" -> SMOOTH_HINGE;
            case "logistic" -> LOGISTIC;
            case "squared" -> SQUARED;
            default -> throw new IllegalArgumentException("unknown loss '" + word
                    + "'; expected cubic-hinge, hinge-p:P, smooth-hinge, logistic or squared");
        };
    }

    /** Like {@link #parse} but also accepts {@code target-squared}. */
    public static SampleLoss parseAny(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return w.equals("target-squared") ? TARGET_SQUARED : parse(word);
    }
}
