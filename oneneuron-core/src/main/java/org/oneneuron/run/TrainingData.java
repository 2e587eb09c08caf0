package org.oneneuron.run;

import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Splits;
import org.oneneuron.data.Standardizer;
import org.oneneuron.data.TargetStandardizer;
import org.oneneuron.data.Task;

/**
 * A data set as a fit uses it: the training part and the held-out part (raw, as read), the
 * standardizer fitted on the training part, for a regression the target's standardizer fitted on
 * it too, and the recorded split. The held-out part is drawn by
 * {@link Splits#trainTest} (stratified) with the first long of {@code SplittableRandom(seed)}, so
 * the same seed gives the same split in the library and on the command line.
 *
 * @param raw          the whole data set, as read
 * @param train        the training part, raw
 * @param heldOut      the held-out part, raw; empty without a split
 * @param standardizer fitted on {@code train} (identity when standardization is off)
 * @param target       a regression's target standardizer, fitted on {@code train} (the identity for
 *                     a classifier, or when target standardization is off)
 * @param split        which samples were held out; empty without a split
 */
public record TrainingData(Dataset raw, Dataset train, Optional<Dataset> heldOut,
                           Standardizer standardizer, TargetStandardizer target, Optional<HeldOutSplit> split) {

    /** Data sets with fewer samples are never split (the constructions, a toy XOR), as in studies. */
    public static final int MIN_SPLIT_SIZE = 20;

    public TrainingData {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(heldOut, "heldOut");
        Objects.requireNonNull(standardizer, "standardizer");
        Objects.requireNonNull(target, "target");
        if (!target.isIdentity() && train.task() != Task.REGRESSION) {
            throw new IllegalArgumentException("a target standardizer is for a regression; '" + train.name()
                    + "' is a " + train.task().word() + " task");
        }
        Objects.requireNonNull(split, "split");
    }

    /**
     * Splits off {@code heldOutShare} of {@code raw} (none for 0, or for fewer than
     * {@link #MIN_SPLIT_SIZE} samples) and fits the standardizer on the rest (identity when
     * {@code standardize} is false); a regression's targets are standardized too.
     */
    public static TrainingData prepare(Dataset raw, double heldOutShare, boolean standardize, long seed) {
        return prepare(raw, heldOutShare, standardize, true, seed);
    }

    /**
     * {@link #prepare(Dataset, double, boolean, long)}, a regression's target standardizer fitted on
     * the training part when {@code standardizeTarget} is true (the identity otherwise, and always
     * for a classifier).
     */
    public static TrainingData prepare(Dataset raw, double heldOutShare, boolean standardize,
                                       boolean standardizeTarget, long seed) {
        Dataset train = raw;
        Optional<Dataset> heldOut = Optional.empty();
        Optional<HeldOutSplit> split = Optional.empty();
        if (heldOutShare > 0 && raw.n() >= MIN_SPLIT_SIZE) {
            long splitSeed = new SplittableRandom(seed).nextLong();
            Splits.Split s = Splits.trainTest(raw, heldOutShare, splitSeed);
            train = s.train();
            heldOut = Optional.of(s.test());
            split = Optional.of(HeldOutSplit.of(raw, heldOutShare, splitSeed, s));
        }
        Standardizer standardizer = standardize ? Standardizer.fit(train) : Standardizer.identity(raw.d());
        TargetStandardizer target = standardizeTarget && train.task() == Task.REGRESSION
                ? TargetStandardizer.fit(train) : TargetStandardizer.identity();
        return new TrainingData(raw, train, heldOut, standardizer, target, split);
    }

    /** The data as {@code config} prepares it (held-out share, standardization of inputs and target, seed). */
    public static TrainingData prepare(Dataset raw, ClassifierConfig config) {
        return prepare(raw, config.heldOut(), config.standardize(), config.standardizeTarget(), config.train().seed());
    }

    /** The training part as the network sees it (standardized inputs and, for a regression, targets). */
    public Dataset scaledTrain() {
        return target.apply(standardizer.apply(train));
    }
}
