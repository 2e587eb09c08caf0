package org.oneneuron.loss;

import java.util.Locale;
import org.oneneuron.data.Task;

/** The named losses and their parser. */
public final class Losses {

    /** The default loss: the cubic hinge max(z + 1, 0)³. */
    public static final MarginLoss CUBIC_HINGE = new PolynomialHinge(3);
    public static final MarginLoss SMOOTH_HINGE = new SmoothHinge();
    public static final MarginLoss LOGISTIC = new LogisticLoss();
    public static final MarginLoss SQUARED = new SquaredLoss();
    /** ½(f - t)² on real targets. */
    public static final SampleLoss TARGET_SQUARED = new TargetSquaredLoss();
    /** Huber with δ = 1 on real targets. */
    public static final SampleLoss HUBER = new HuberLoss(1);
    /** Softmax cross-entropy over K ≥ 2 class scores. */
    public static final OutputLoss SOFTMAX_CE = new SoftmaxCrossEntropy();
    /** The Weston–Watkins squared hinge over K ≥ 2 class scores. */
    public static final OutputLoss MULTI_SQUARED_HINGE = new MulticlassSquaredHinge();

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

    /**
     * Every loss word: the margin losses of {@link #parse}, {@code target-squared},
     * {@code huber} or {@code huber:δ} (regression), {@code softmax-ce} (alias
     * {@code cross-entropy}) and {@code multi-squared-hinge} (multi-class).
     */
    public static OutputLoss parseOutput(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (w.startsWith("huber:")) {
            String d = w.substring("huber:".length());
            try {
                return new HuberLoss(Double.parseDouble(d));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("loss '" + word + "': threshold '" + d + "' is not a number", e);
            }
        }
        return switch (w) {
            case "huber" -> HUBER;
            case "softmax-ce", "cross-entropy" -> SOFTMAX_CE;
            case "multi-squared-hinge" -> MULTI_SQUARED_HINGE;
            case "target-squared" -> TARGET_SQUARED;
            default -> {
                try {
                    yield parse(word);
                } catch (IllegalArgumentException e) {
                    if (w.startsWith("hinge-p:")) {
                        throw e; // a known loss with a bad power: parse says what is wrong with it
                    }
                    throw new IllegalArgumentException("unknown loss '" + word + "'; expected cubic-hinge, hinge-p:P, "
                            + "smooth-hinge, logistic, squared (binary), softmax-ce, multi-squared-hinge "
                            + "(multi-class), squared/target-squared, huber, huber:δ (regression)", e);
                }
            }
        };
    }

    /**
     * Whether {@code loss} trains {@code task}: a margin loss ℓ(y·f) a binary task (±1 labels), a
     * class loss over K ≥ 2 scores a multi-class task, a target loss ℓ(f, t) a regression.
     */
    public static boolean fits(OutputLoss loss, Task task) {
        boolean margin = loss instanceof MarginLoss;
        boolean classLoss = !margin && loss.accepts(2);
        return switch (task) {
            case BINARY -> margin;
            case MULTICLASS -> classLoss;
            case REGRESSION -> !margin && !classLoss;
        };
    }

    /**
     * Refuses the loss {@code word} when it does not {@link #fits fit} the task of the data set
     * {@code dataName} (with {@code classes} classes), naming {@code --loss} and the losses that fit.
     *
     * @throws IllegalArgumentException when it does not fit
     */
    public static void checkFits(String word, String dataName, Task task, int classes) {
        OutputLoss loss = parseOutput(word);
        if (fits(loss, task)) {
            return;
        }
        boolean margin = loss instanceof MarginLoss;
        String kind = word.trim().equalsIgnoreCase("squared") ? "the binary margin loss (1 - y·f)², which needs ±1 labels"
                : margin ? "a binary margin loss" : loss.accepts(2) ? "a multi-class loss" : "a regression loss";
        String use = switch (task) {
            case REGRESSION -> "is a regression (real-valued targets): use --loss target-squared (½(f - t)²), huber or huber:δ";
            case MULTICLASS -> "has " + classes + " classes: use --loss softmax-ce or multi-squared-hinge";
            case BINARY -> "has two classes (a binary task): use a margin loss, e.g. --loss cubic-hinge, logistic or squared";
        };
        throw new IllegalArgumentException("--loss " + word + " is " + kind + "; " + dataName + " " + use);
    }
}
