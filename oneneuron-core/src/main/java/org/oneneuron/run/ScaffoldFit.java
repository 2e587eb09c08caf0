package org.oneneuron.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.objective.NeuronSnapshot;
import org.oneneuron.optim.OptimizerKind;
import org.oneneuron.train.TrainConfig;
import org.oneneuron.train.TrainConfigBuilder;
import org.oneneuron.train.TrainingListener;

/**
 * Runs a {@link Scaffold} schedule on an augmented problem: the augmented phase (λ raised in
 * rounds for {@code lambda}), the drop, and the plain fine-tune, within the config's step budget.
 *
 * @param plain        the final fit: the plain problem and its fine-tune (for keep: the augmented fit)
 * @param scaffold     the schedule
 * @param lambdas      λ of each augmented round
 * @param contribution max_i |a·E_i| on the training data after each augmented round
 * @param augmentedSteps steps of the augmented phase
 * @param networkOnlyAtDrop the network alone's loss at the drop (NaN for keep/none)
 * @param augmentedSeconds wall time of the augmented phase before the drop (0 for keep/none, whose
 *                         fit's own time is the whole)
 * @param fineTuneStepsBefore fine-tune steps done before a resume ({@code plain} holds the rest)
 */
public record ScaffoldFit(FitResult plain, Scaffold scaffold, List<Double> lambdas, List<Double> contribution,
                          long augmentedSteps, double networkOnlyAtDrop, double augmentedSeconds,
                          long fineTuneStepsBefore) {

    public ScaffoldFit {
        Objects.requireNonNull(plain, "plain");
        Objects.requireNonNull(scaffold, "scaffold");
        lambdas = List.copyOf(lambdas);
        contribution = List.copyOf(contribution);
    }

    /**
     * Runs the schedule on {@code problem} (with or without a neuron) from its θ₀, under
     * {@code config}'s step budget.
     *
     * @throws IllegalArgumentException for drop/lambda/keep on a problem without a special neuron
     */
    public static ScaffoldFit run(Problem problem, TrainConfig config, Scaffold scaffold,
                                  TrainingListener... listeners) {
        boolean hasNeuron = problem.spec().neuron().present();
        if (scaffold.mode() == Scaffold.Mode.NONE) {
            Problem plain = hasNeuron ? problem.withNeuron(NeuronKind.NONE, problem.lambda()) : problem;
            return new ScaffoldFit(Fit.run(plain, config, listeners), scaffold, List.of(), List.of(), 0, Double.NaN,
                    0.0, 0);
        }
        if (!hasNeuron) {
            throw new IllegalArgumentException("scaffold " + scaffold.mode().word()
                    + " needs a special neuron (the network has none)");
        }
        if (scaffold.keepsNeuron()) {
            FitResult fit = Fit.run(problem, config, listeners);
            NeuronSnapshot s = problem.objective().neuron(fit.theta()).orElseThrow();
            return new ScaffoldFit(fit, scaffold, List.of(problem.lambda()), List.of(s.maxContribution()),
                    fit.training().steps(), Double.NaN, 0.0, 0);
        }
        return resume(problem, config, scaffold, null, problem.initialPoint(), 0, null, listeners);
    }

    /** Receives the schedule's checkpoints: the problem of the phase under way (its λ), θ, the state. */
    public interface Checkpoints {
        void save(Problem phase, double[] theta, ScaffoldState state);
    }

    /**
     * Runs a drop or lambda schedule on the augmented {@code problem} from {@code theta} and the
     * state a checkpoint recorded ({@code from}; null with θ₀ for the start), handing a
     * checkpoint to {@code sink} every {@code every} steps of the schedule (0: never). With an
     * optimizer that keeps no state but θ (gd), a run resumed from any of its checkpoints ends at
     * the bits of the uninterrupted run: the round under way, its planned length, the λ and
     * contribution lists and the drop point are carried in the state.
     *
     * @throws IllegalArgumentException for keep/none, a problem without a neuron, or θ of the wrong size
     */
    public static ScaffoldFit resume(Problem problem, TrainConfig config, Scaffold scaffold, ScaffoldState from,
                                     double[] theta, long every, Checkpoints sink, TrainingListener... listeners) {
        if (scaffold.mode() != Scaffold.Mode.DROP && scaffold.mode() != Scaffold.Mode.LAMBDA) {
            throw new IllegalArgumentException("only drop and lambda schedules resume here, not "
                    + scaffold.mode().word());
        }
        if (!problem.spec().neuron().present()) {
            throw new IllegalArgumentException("scaffold " + scaffold.mode().word()
                    + " needs a special neuron (the network has none)");
        }
        boolean fineTune = from != null && from.fineTune();
        int dimension = fineTune ? problem.spec().layout().networkDimension() : problem.spec().layout().dimension();
        if (theta.length != dimension) {
            throw new IllegalArgumentException("θ has " + theta.length + " values, the schedule's "
                    + (fineTune ? "plain" : "augmented") + " network " + dimension);
        }
        long budget = config.maxSteps();
        // at least one step each, and within the budget whenever it holds two
        long augmentedBudget = Math.max(1, Math.min(budget - 1, Math.round(budget * scaffold.share())));
        int rounds = scaffold.mode() == Scaffold.Mode.LAMBDA ? scaffold.rounds() : 1;
        long perRound = Math.max(1, augmentedBudget / rounds);
        List<Double> lambdas = new ArrayList<>(from == null ? List.of() : from.lambdas());
        List<Double> contributions = new ArrayList<>(from == null ? List.of() : from.contributions());
        double[] point = theta.clone();
        long used = from == null ? 0 : from.stepsDone();
        double networkOnly = from == null ? Double.NaN : from.networkOnlyAtDrop();
        double seconds = from == null ? 0.0 : from.augmentedSeconds();
        if (!fineTune) {
            Problem current = from == null ? problem : problem.withNeuron(problem.spec().neuron(), from.lambda());
            int first = from == null ? 0 : from.round();
            for (int r = first; r < rounds && (used < augmentedBudget || r == first && from != null); r++) {
                boolean continued = r == first && from != null; // a round a checkpoint interrupted
                long roundStart = continued ? from.roundStart() : used;
                long planned = r == rounds - 1 ? augmentedBudget - roundStart
                        : Math.min(perRound, augmentedBudget - roundStart);
                long todo = roundStart + planned - used;
                if (todo > 0) {
                    TrainingListener save = saver(every, sink, current, used, scaffold, r, roundStart,
                            lambdas, contributions, Double.NaN, seconds, -1);
                    FitResult fit = Fit.from(current, point, roundConfig(config, todo),
                            phase(listeners, used, false, save));
                    used += fit.training().steps();
                    seconds += fit.training().seconds();
                    if (fit.training().stop().reason().numericalTrouble()) {
                        if (r == 0) {
                            return new ScaffoldFit(fit, scaffold, lambdas, contributions, used, Double.NaN, seconds, 0);
                        }
                        break; // a later round's larger λ was too stiff: drop from the last round's point
                    }
                    point = fit.theta();
                }
                NeuronSnapshot s = current.objective().neuron(point).orElseThrow();
                lambdas.add(current.lambda());
                contributions.add(s.maxContribution());
                networkOnly = s.networkOnlyLoss();
                double next = Math.min(current.lambda() * scaffold.growth(), lambdaCap(config));
                if (s.maxContribution() < scaffold.tolerance() || used - roundStart < planned
                        || !(next > current.lambda())) {
                    break;
                }
                Problem following = current.withNeuron(current.spec().neuron(), next);
                following.adoptFullPass(current); // the next round's first record is at this round's end point
                current = following;
            }
            point = Arrays.copyOf(point, problem.spec().layout().networkDimension());
        }
        long augmented = fineTune ? from.augmentedSteps() : used;
        long tunedBefore = used - augmented;
        Problem plain = problem.withNeuron(NeuronKind.NONE, problem.lambda());
        long rest = Math.max(1, budget - augmented);
        TrainingListener save = saver(every, sink, plain, used, scaffold, 0, 0, lambdas, contributions,
                networkOnly, seconds, augmented);
        FitResult fine = Fit.from(plain, point, config.toBuilder().maxSteps(Math.max(0, rest - tunedBefore)).build(),
                phase(listeners, used, true, save));
        return new ScaffoldFit(fine, scaffold, lambdas, contributions, augmented, networkOnly, seconds, tunedBefore);
    }

    /**
     * The config of an augmented round of {@code steps} steps. Nothing reads a round's trajectory,
     * only its end point (the neuron's contribution there, in float64) and its stop, so a minibatch
     * round records its history at its start and end only (stride = the round's length) instead
     * of at the automatic stride, where every record is a full-data pass: a 250-step MNIST round
     * (stride 41) makes 2 such passes instead of 8 (seven records and the final evaluation, which
     * the end record's pass now serves). θ's bits do not depend on the stride. An explicit history
     * stride is kept; a gradient or loss tolerance in a minibatch round is then judged at its end.
     */
    static TrainConfig roundConfig(TrainConfig config, long steps) {
        TrainConfigBuilder round = config.toBuilder().maxSteps(steps);
        if (config.historyStride() == 0 && config.batchSize() > 0) {
            round.historyStride((int) Math.max(1, Math.min(steps, Integer.MAX_VALUE)));
        }
        return round.build();
    }

    /**
     * The listener that hands {@code sink} a checkpoint at every schedule step that is a multiple
     * of {@code every} (step 0 of a phase excluded: it is the previous phase's last point);
     * {@code augmented} is the augmented phase's length once fine-tuning, -1 before.
     */
    private static TrainingListener saver(long every, Checkpoints sink, Problem phase, long offset, Scaffold scaffold,
                                          int round, long roundStart, List<Double> lambdas, List<Double> contributions,
                                          double networkOnly, double seconds, long augmented) {
        if (every <= 0 || sink == null) {
            return null;
        }
        List<Double> doneLambdas = List.copyOf(lambdas);
        List<Double> doneContributions = List.copyOf(contributions);
        return (step, theta, loss, gradientNorm) -> {
            long at = offset + step;
            if (step > 0 && at % every == 0) {
                boolean tuning = augmented >= 0;
                sink.save(phase, theta.clone(), new ScaffoldState(at, tuning, round, tuning ? 0 : roundStart,
                        phase.lambda(), doneLambdas, doneContributions, tuning ? augmented : at, networkOnly, seconds));
            }
            return null;
        };
    }

    /**
     * The listeners of one phase: steps counted from the schedule's start (offset by the steps
     * done before), and {@code onFinish} only at the end of the last phase.
     */
    private static TrainingListener[] phase(TrainingListener[] listeners, long offset, boolean last,
                                            TrainingListener own) {
        TrainingListener[] out = new TrainingListener[listeners.length + (own == null ? 0 : 1)];
        if (own != null) {
            out[listeners.length] = own; // called with the phase's own step count
        }
        for (int i = 0; i < listeners.length; i++) {
            TrainingListener l = listeners[i];
            out[i] = new TrainingListener() {
                @Override
                public String onStep(long step, double[] theta, double loss, double gradientNorm) {
                    return l.onStep(offset + step, theta, loss, gradientNorm);
                }

                @Override
                public void onFinish(double[] theta, org.oneneuron.train.Stop stop) {
                    if (last) {
                        l.onFinish(theta, stop);
                    }
                }
            };
        }
        return out;
    }

    /**
     * The largest λ a round may use: with a fixed step η (gd, sgd) the penalty alone makes the
     * a-direction unstable once η·λ > 2, so λ stops at 1/η; adaptive and second-order methods
     * (adam, lbfgs, newton-cg) have no such bound.
     */
    static double lambdaCap(TrainConfig config) {
        return config.optimizer() == OptimizerKind.GD || config.optimizer() == OptimizerKind.SGD
                ? 1.0 / config.learningRate() : Double.POSITIVE_INFINITY;
    }

    /** Fine-tune steps of the whole schedule, those before a resume included. */
    public long fineTuneSteps() {
        return fineTuneStepsBefore + plain.training().steps();
    }

    /**
     * Steps of the whole schedule, those before a resume included: the augmented rounds and the
     * fine-tune (none when the first round ended in numerical trouble and {@code plain} is that
     * round's fit).
     */
    public long steps() {
        boolean tuned = !plain.problem().spec().neuron().present();
        return augmentedSteps + (tuned ? fineTuneSteps() : 0);
    }

    /** The neuron's largest contribution max_i |a·E_i| after the last augmented round (NaN before any). */
    public double lastContribution() {
        return contribution.isEmpty() ? Double.NaN : contribution.get(contribution.size() - 1);
    }

    /** The plain model's θ (or the kept augmented one's). */
    public double[] theta() {
        return plain.theta();
    }

    /** The schedule and what it did, as provenance entries of the shipped model. */
    public Map<String, String> provenance() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("scaffold", scaffold.mode().word());
        m.put("scaffold_schedule", scaffold.describe());
        if (scaffold.mode() != Scaffold.Mode.NONE) {
            m.put("scaffold_lambdas", join(lambdas));
            m.put("scaffold_max_contribution", join(contribution));
            m.put("scaffold_augmented_steps", Long.toString(augmentedSteps));
        }
        if (scaffold.mode() == Scaffold.Mode.DROP || scaffold.mode() == Scaffold.Mode.LAMBDA) {
            m.put("scaffold_network_only_loss_at_drop", String.format(Locale.ROOT, "%.6g", networkOnlyAtDrop));
            m.put("scaffold_fine_tune_steps", Long.toString(fineTuneSteps()));
        }
        return m;
    }

    private static String join(List<Double> values) {
        List<String> parts = new ArrayList<>();
        for (double v : values) {
            parts.add(String.format(Locale.ROOT, "%.6g", v));
        }
        return String.join(",", parts);
    }
}
