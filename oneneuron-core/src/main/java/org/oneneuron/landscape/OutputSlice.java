package org.oneneuron.landscape;

import org.oneneuron.data.Dataset;
import org.oneneuron.loss.OutputLoss;
import org.oneneuron.loss.SampleLoss;

/**
 * One output's view of a K-output loss, for the escape of PAPER.md §10: the per-sample loss as a
 * function of output k's score alone, the other K - 1 scores held at the network's values,
 *
 * <pre>ℓ_k(s; i) = ℓ(f_i + (s - f_ik)·e_k; y_i),  ∂ℓ_k/∂s = ∂ℓ/∂q_k,  ∂²ℓ_k/∂s² = ∂²ℓ/∂q_k²,</pre>
 *
 * which is what the neuron of output k sees: with every a = 0 it adds a_k·E_ik to output k only.
 * The "target" it reads is the sample's index i (see {@link #indexed}); not thread-safe (one
 * scratch row).
 */
final class OutputSlice implements SampleLoss {

    private final OutputLoss loss;
    private final double[] scores;
    private final double[] targets;
    private final int outputs;
    private final int k;
    private final double[] row;
    private final double[] out;
    private final double[] unit;

    /**
     * @param loss    the K-output loss
     * @param scores  the network's n·K scores, sample-major
     * @param targets the n targets
     * @param outputs K
     * @param k       the output this view moves
     */
    OutputSlice(OutputLoss loss, double[] scores, double[] targets, int outputs, int k) {
        if (k < 0 || k >= outputs || scores.length != targets.length * outputs) {
            throw new IllegalArgumentException("output " + k + " of " + outputs + ", " + scores.length
                    + " scores for " + targets.length + " samples");
        }
        this.loss = loss;
        this.scores = scores;
        this.targets = targets;
        this.outputs = outputs;
        this.k = k;
        this.row = new double[outputs];
        this.out = new double[outputs];
        this.unit = new double[outputs];
        unit[k] = 1.0;
    }

    /** The data with each target replaced by its sample's index (what this view reads as "target"). */
    static Dataset indexed(Dataset data) {
        double[] index = new double[data.n()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        return new Dataset(data.name(), data.x(), index, data.d(), data.featureNames(), java.util.List.of(),
                data.shape());
    }

    /** Output k's scores f_ik, one per sample. */
    double[] column() {
        double[] c = new double[targets.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = scores[i * outputs + k];
        }
        return c;
    }

    private int load(double s, double index) {
        int i = (int) index;
        System.arraycopy(scores, i * outputs, row, 0, outputs);
        row[k] = s;
        return i;
    }

    @Override
    public double valueAt(double s, double index) {
        int i = load(s, index);
        return loss.value(row, 0, outputs, targets[i]);
    }

    @Override
    public double d1At(double s, double index) {
        int i = load(s, index);
        loss.gradient(row, 0, outputs, targets[i], 1.0, out, 0);
        return out[k];
    }

    @Override
    public double d2At(double s, double index) {
        int i = load(s, index);
        loss.hessianTimes(row, 0, outputs, targets[i], unit, 1.0, out, 0);
        return out[k];
    }

    /**
     * As the K-output loss: whether the whole network's loss attains 0, the certificate's question
     * (one output moved alone, the others held, need not reach it).
     */
    @Override
    public boolean attainsMinimum() {
        return loss.attainsMinimum();
    }

    @Override
    public String word() {
        return loss.word() + "[output " + k + "]";
    }

    @Override
    public String description() {
        return "output " + k + " of " + loss.word() + ", the other scores held";
    }
}
