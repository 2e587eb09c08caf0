package org.oneneuron.run;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.TargetStandardizer;
import org.oneneuron.eval.BinaryMetrics;
import org.oneneuron.eval.ClassMetrics;
import org.oneneuron.eval.RegressionMetrics;
import org.oneneuron.eval.TaskMetrics;
import org.oneneuron.eval.Metrics;
import org.oneneuron.landscape.Certificate;
import org.oneneuron.landscape.Certifier;
import org.oneneuron.landscape.CertifyConfig;
import org.oneneuron.landscape.OutputNeurons;
import org.oneneuron.landscape.PointContext;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.train.Verdict;

/**
 * What a model does on one data set: the classification figures by the one accuracy rule
 * ({@link Metrics}: a sample is right when y·f~(x) > 0), the same for the network alone, the named
 * loss figures, the special neuron's figures, and, when asked, the certificate of the point
 * (PAPER.md §9). {@code oneneuron evaluate}, {@code train}'s report and the library report these
 * same figures.
 *
 * @param data         the data set's name
 * @param samples      n
 * @param figures      the task's figures of f~: binary (accuracy, precision, recall, F1, ROC AUC,
 *                     confusion counts), multi-class ({@link ClassMetrics}) or regression
 *                     ({@link RegressionMetrics})
 * @param networkFigures the same figures for f, the network alone
 * @param loss         total, data, network-only and penalty
 * @param neuron       a, b, ‖w‖, max_i |a·E_i| (models with a special neuron)
 * @param certificate  the point's certificate, when one was asked for
 * @param outputNeurons each output's neuron: a_k, b_k, ‖w_k‖, max_i |a_k·E_ik| (empty without a
 *                     neuron; PAPER.md §10)
 * @param scores       f~ of every sample the figures were computed from (n, or n·K sample-major),
 *                     after {@link #inTargetUnits} in the target's units: a model's assessment holds
 *                     the bits {@link Model#scores(Dataset)} gives (ModelTest), so its probability
 *                     figures need no second pass ({@link ModelProbabilities}); copied in and out
 */
public record Assessment(String data, int samples, TaskMetrics figures, TaskMetrics networkFigures,
                         LossFigures loss, Optional<NeuronSnapshot> neuron,
                         Optional<Certificate> certificate, List<OutputNeurons.Figures> outputNeurons,
                         double[] scores) {

    public Assessment {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(networkFigures, "networkFigures");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(neuron, "neuron");
        Objects.requireNonNull(certificate, "certificate");
        outputNeurons = List.copyOf(outputNeurons);
        scores = scores.clone();
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    /** Equal figures of equal scores (the scores compared by value, bit for bit). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Assessment a && data.equals(a.data) && samples == a.samples && figures.equals(a.figures)
                && networkFigures.equals(a.networkFigures) && loss.equals(a.loss) && neuron.equals(a.neuron)
                && certificate.equals(a.certificate) && outputNeurons.equals(a.outputNeurons)
                && Arrays.equals(scores, a.scores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(data, samples, figures, networkFigures, loss, neuron, certificate, outputNeurons,
                Arrays.hashCode(scores));
    }

    @Override
    public String toString() {
        return "Assessment[data=" + data + ", samples=" + samples + ", figures=" + figures + ", networkFigures="
                + networkFigures + ", loss=" + loss + ", neuron=" + neuron + ", certificate=" + certificate
                + ", outputNeurons=" + outputNeurons + ", scores=" + scores.length + " values]";
    }

    /** The figures of θ on the problem's data, without a certificate. */
    public static Assessment of(Problem problem, double[] theta) {
        return of(problem, theta, Optional.empty(), Optional.empty());
    }

    /**
     * The figures of θ on the problem's data, and, with {@code certify}, its certificate; the
     * trainer's verdict on the trajectory that ended at θ joins the certificate when given.
     */
    public static Assessment of(Problem problem, double[] theta, Optional<Verdict> trajectory,
                                Optional<CertifyConfig> certify) {
        NetworkObjective objective = problem.objective();
        Dataset data = problem.data();
        double[] scores = objective.scores(theta);
        TaskMetrics metrics = figures(data, objective.outputs(), scores);
        TaskMetrics alone = figures(data, objective.outputs(), objective.networkScores(theta));
        Assessment figures = new Assessment(data.name(), data.n(), metrics, alone,
                LossFigures.of(objective, theta), objective.neuron(theta), Optional.empty(),
                OutputNeurons.of(objective, theta), scores);
        return certify.map(config -> figures.certified(problem, theta, trajectory, config)).orElse(figures);
    }

    /**
     * These figures with the certificate of θ (the point they were computed at) added; the
     * trainer's verdict on the trajectory that ended at θ joins it when given.
     */
    public Assessment certified(Problem problem, double[] theta, Optional<Verdict> trajectory,
                                CertifyConfig config) {
        NetworkObjective objective = problem.objective();
        PointContext context = problem.context(theta);
        Certificate certificate = Certifier.certify(objective, theta,
                trajectory.map(context::withTrajectory).orElse(context), config);
        return new Assessment(data, samples, figures, networkFigures, loss, neuron, Optional.of(certificate),
                outputNeurons, scores);
    }

    /**
     * These figures with a regression's RMSE and MAE (of f~ and of the network alone) in the
     * target's units: the figures of a problem over standardized targets t' = (t - μ)/σ scaled by σ
     * ({@link RegressionMetrics#scaled}), and the scores μ + σ·f~; R², the loss figures, the
     * neuron's figures and the certificate stay as they are (the loss figures are those of the
     * objective, in standardized units). Unchanged for the identity and for classifiers.
     */
    public Assessment inTargetUnits(TargetStandardizer target) {
        if (target.isIdentity() || !(figures instanceof RegressionMetrics f)
                || !(networkFigures instanceof RegressionMetrics alone)) {
            return this;
        }
        double[] values = scores.clone();
        target.toTargets(values);
        return new Assessment(data, samples, f.scaled(target.scale()), alone.scaled(target.scale()), loss, neuron,
                certificate, outputNeurons, values);
    }

    /** The figures of scores (n·K) by the data's task. */
    public static TaskMetrics figures(Dataset data, int outputs, double[] scores) {
        return switch (data.task()) {
            case BINARY -> Metrics.binary(scores, data.y());
            case MULTICLASS -> ClassMetrics.of(scores, outputs, data.y());
            case REGRESSION -> RegressionMetrics.of(scores, data.y());
        };
    }

    /** Fraction of samples classified right (y·f~(x) > 0; the class's score strictly largest); NaN for regression. */
    public double accuracy() {
        return figures.accuracy();
    }

    /** The binary figures of f~ (binary tasks only). */
    public BinaryMetrics metrics() {
        if (figures instanceof BinaryMetrics b) {
            return b;
        }
        throw new IllegalStateException("binary figures asked of a " + figures.getClass().getSimpleName());
    }

    /** The binary figures of the network alone (binary tasks only). */
    public BinaryMetrics networkOnly() {
        if (networkFigures instanceof BinaryMetrics b) {
            return b;
        }
        throw new IllegalStateException("binary figures asked of a " + networkFigures.getClass().getSimpleName());
    }
}
