package org.oneneuron.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.oneneuron.data.DataException;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.Splits;

/**
 * Which samples a fit held out, recorded so that a saved model can be evaluated or certified on
 * its training part or its held-out part alone ({@code --split train|test}). It belongs to one
 * data set, identified by its size and fingerprint ({@link Datasets#sha256}).
 *
 * @param share       the held-out share asked for, in (0, 1)
 * @param seed        the seed of the stratified shuffle ({@link Splits#trainTest})
 * @param n           samples of the data set it was drawn from
 * @param dataSha256  that data set's fingerprint
 * @param testIndices the held-out samples' indices, increasing; copied in and out
 */
public record HeldOutSplit(double share, long seed, int n, String dataSha256, int[] testIndices) {

    /** Which part of a data set to use. */
    public enum Part {
        /** Every sample. */
        ALL,
        /** The samples the model was trained on. */
        TRAIN,
        /** The held-out samples. */
        TEST;

        /** The word of {@code --split}: all, train or test. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses all, train or test. */
        public static Part parse(String word) {
            for (Part p : values()) {
                if (p.word().equals(word.trim().toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
            throw new IllegalArgumentException("split must be all, train or test, got '" + word + "'");
        }
    }

    public HeldOutSplit {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("held-out share must be in (0, 1), got " + share);
        }
        Objects.requireNonNull(dataSha256, "dataSha256");
        testIndices = testIndices.clone();
        for (int k = 0; k < testIndices.length; k++) {
            if (testIndices[k] < 0 || testIndices[k] >= n || k > 0 && testIndices[k] <= testIndices[k - 1]) {
                throw new IllegalArgumentException("held-out indices must increase within [0, " + n
                        + "); index " + k + " is " + testIndices[k]);
            }
        }
    }

    /** The split {@link Splits#trainTest} makes of {@code raw}, recorded. */
    static HeldOutSplit of(Dataset raw, double share, long seed, Splits.Split split) {
        return new HeldOutSplit(share, seed, raw.n(), Datasets.sha256(raw), split.testIndices());
    }

    @Override
    public int[] testIndices() {
        return testIndices.clone();
    }

    /**
     * The chosen part of {@code raw}, which must be the data set the split was drawn from, with
     * its sample shape and task.
     *
     * @throws DataException naming {@code source} when the data differ (size or contents)
     */
    public Dataset part(Dataset raw, Part part, String source) {
        if (part == Part.ALL) {
            return raw;
        }
        if (raw.n() != n || !Datasets.sha256(raw).equals(dataSha256)) {
            throw new DataException(source, String.format(Locale.ROOT, "the model's held-out split was"
                    + " drawn from a data set of %d samples (sha256 %s…); this one has %d samples%s, so"
                    + " --split %s cannot be applied (use --split all)", n, dataSha256.substring(0, 12),
                    raw.n(), raw.n() == n ? " and other values" : "", part.word()));
        }
        int[] indices = part == Part.TEST ? testIndices : trainIndices();
        Dataset subset = Splits.subset(raw, indices);
        return new Dataset(raw.name() + ":" + part.word(), subset.x(), subset.y(), subset.d(),
                subset.featureNames(), subset.labelNames(), subset.shape(), subset.task());
    }

    /** The training part's indices, increasing: every index not held out. */
    public int[] trainIndices() {
        int[] train = new int[n - testIndices.length];
        int t = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (t < testIndices.length && testIndices[t] == i) {
                t++;
            } else {
                train[k++] = i;
            }
        }
        return train;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeldOutSplit s && Double.compare(share, s.share) == 0 && seed == s.seed
                && n == s.n && dataSha256.equals(s.dataSha256) && Arrays.equals(testIndices, s.testIndices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(share, seed, n, dataSha256, Arrays.hashCode(testIndices));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HeldOutSplit[%d of %d held out, share %s, seed %d]",
                testIndices.length, n, share, seed);
    }
}
