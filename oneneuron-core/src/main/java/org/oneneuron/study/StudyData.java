package org.oneneuron.study;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.ReadOptions;
import org.oneneuron.data.Standardizer;
import org.oneneuron.landscape.LeastLoss;
import org.oneneuron.loss.Float32Rows;
import org.oneneuron.model.Activation;
import org.oneneuron.model.NetworkSpec;

/**
 * Resolves a study's data names and prepares each once: "case-a" (PAPER.md §6 A: three collinear
 * points, labels -1, -1, +1), or anything {@link Datasets#resolve} reads: a built-in name (wdbc,
 * xor, moons, ...) or a CSV, LIBSVM, ARFF or IDX file. Sets with at least 20 samples are split (held-out share from the spec, shuffled with
 * the study seed, so every run sees the same split) and standardized with the training part's
 * statistics, as {@code train} standardizes: vectors per feature, images per channel
 * ({@link Standardizer}: one mean and standard deviation over a channel's pixels, so a pixel lit
 * in one image of n does not become √n standard deviations); smaller sets (the constructions) are
 * used as they are.
 */
public final class StudyData {

    private static final int MIN_SPLIT_SIZE = 20;

    /**
     * A prepared data set.
     *
     * @param train     training part, standardized
     * @param heldOut   held-out part with the training part's scaling, or null
     * @param trainRows the training part in float32, converted once for all float32 runs on it
     */
    public record Prepared(Dataset train, Dataset heldOut, Float32Rows trainRows) {

        public Prepared(Dataset train, Dataset heldOut) {
            this(train, heldOut, new Float32Rows(train));
        }
    }

    private final Map<String, Dataset> raw = new ConcurrentHashMap<>();
    private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();
    private final ReadOptions read; // null when the data sets were given whole

    /** Data read with the default label rule (last column). */
    public StudyData() {
        this(ReadOptions.defaults());
    }

    /** Data read with {@code read} (label column, classes), e.g. a spec's {@link StudySpec#readOptions()}. */
    public StudyData(ReadOptions read) {
        this.read = java.util.Objects.requireNonNull(read, "read");
    }

    /**
     * Data given whole, {@code given} data sets under their names (the sets a cluster's driver read
     * with the spec's {@link StudySpec#readOptions()} and sent to its executors): nothing is read,
     * and a name not given is an error.
     */
    public StudyData(Map<String, Dataset> given) {
        this.read = null;
        raw.putAll(given);
    }

    /** The raw data set named {@code name}. */
    public Dataset raw(String name) {
        return raw.computeIfAbsent(name, this::load);
    }

    /** The prepared split of {@code name} for a study seed and held-out share. */
    public Prepared prepare(String name, long studySeed, double heldOutFraction) {
        String key = name + "|" + studySeed + "|" + heldOutFraction;
        return prepared.computeIfAbsent(key, k -> split(raw(name), studySeed, heldOutFraction));
    }

    /** sha256 over n, d, x and y of the raw data set, as hex ({@link Datasets#sha256}). */
    public String hash(String name) {
        return Datasets.sha256(raw(name));
    }

    /** PAPER.md §6 A: x = (1, 0), (0, 1), (1/2, 1/2); y = (-1, -1, +1). */
    public static Dataset caseA() {
        return new Dataset("case-a", new double[] {1, 0, 0, 1, 0.5, 0.5}, new double[] {-1, -1, 1},
                2, List.of("x1", "x2"), List.of("-1", "+1"));
    }

    /**
     * What is known of a network's least loss on a named construction's data: on case-a an MLP
     * whose first hidden layer has two or more units of a nonlinear activation separates the middle
     * point from the two outer ones with any margin (two units make a bump along the line, later
     * layers relay it), so a hinge-family loss reaches 0 (PAPER.md §6 A); empty for other data.
     */
    public static Optional<LeastLoss> leastLoss(String name, NetworkSpec spec) {
        if (!name.equals("case-a") || !spec.isMlp() || spec.depth() == 0 || spec.width(1) < 2
                || spec.activation().kind() == Activation.Kind.LINEAR) {
            return Optional.empty();
        }
        return Optional.of(LeastLoss.exact(0.0, "case A, PAPER.md §6: two hidden units separate it"));
    }

    private Dataset load(String name) {
        if (read == null) {
            throw new IllegalStateException("data set '" + name + "' was not given to this study's data");
        }
        if (name.equals("case-a")) {
            return caseA();
        }
        return Datasets.resolve(name, read);
    }

    private static Prepared split(Dataset ds, long studySeed, double heldOutFraction) {
        int n = ds.n();
        if (n < MIN_SPLIT_SIZE) {
            return new Prepared(ds, null);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(RunSeeds.mix(studySeed, -1));
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int heldOut = (int) Math.round(n * heldOutFraction);
        int train = n - heldOut;
        int d = ds.d();
        double[] mean = new double[d];
        double[] sd = new double[d];
        if (!ds.shape().isVector()) {
            Arrays.fill(sd, 1.0);
            Standardizer perChannel = Standardizer.fit(subset(ds, order, 0, train, mean, sd, "train"));
            return new Prepared(subset(ds, order, 0, train, perChannel.mean(), perChannel.scale(), "train"),
                    heldOut > 0 ? subset(ds, order, train, n, perChannel.mean(), perChannel.scale(), "held_out") : null);
        }
        for (int k = 0; k < train; k++) {
            for (int j = 0; j < d; j++) {
                mean[j] += ds.x(order[k], j) / train;
            }
        }
        for (int k = 0; k < train; k++) {
            for (int j = 0; j < d; j++) {
                double c = ds.x(order[k], j) - mean[j];
                sd[j] += c * c / train;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = sd[j] > 0 ? Math.sqrt(sd[j]) : 1.0;
        }
        Dataset tr = subset(ds, order, 0, train, mean, sd, "train");
        Dataset ho = heldOut > 0 ? subset(ds, order, train, n, mean, sd, "held_out") : null;
        return new Prepared(tr, ho);
    }

    private static Dataset subset(Dataset ds, int[] order, int from, int to, double[] mean,
                                  double[] sd, String part) {
        int d = ds.d();
        double[] x = new double[(to - from) * d];
        double[] y = new double[to - from];
        for (int k = from; k < to; k++) {
            for (int j = 0; j < d; j++) {
                x[(k - from) * d + j] = (ds.x(order[k], j) - mean[j]) / sd[j];
            }
            y[k - from] = ds.y()[order[k]];
        }
        return new Dataset(ds.name() + ":" + part, x, y, d, ds.featureNames(), ds.labelNames(), ds.shape(), ds.task());
    }
}
