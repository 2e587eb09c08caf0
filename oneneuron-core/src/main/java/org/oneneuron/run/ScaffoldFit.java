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
import org.oneneuron.train.StopReason;
import org.oneneuron.train.TrainConfig;
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
 */
public record ScaffoldFit(FitResult plain, Scaffold scaffold, List<Double> lambdas, List<Double> contribution,
                          long augmentedSteps, double networkOnlyAtDrop, double augmentedSeconds) {

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
            return new ScaffoldFit(Fit.run(plain, config, listeners), scaffold, List.of(), List.of(), 0, Double.NaN, 0.0);
        }
        if (!hasNeuron) {
            throw new IllegalArgumentException("scaffold " + scaffold.mode().word()
                    + " needs a special neuron (the network has none)");
        }
        if (scaffold.keepsNeuron()) {
            FitResult fit = Fit.run(problem, config, listeners);
            NeuronSnapshot s = problem.objective().neuron(fit.theta()).orElseThrow();
            return new ScaffoldFit(fit, scaffold, List.of(problem.lambda()), List.of(s.maxContribution()),
                    fit.training().steps(), Double.NaN, 0.0);
        }
        long budget = config.maxSteps();
        long augmentedBudget = Math.max(1, Math.round(budget * scaffold.share()));
        int rounds = scaffold.mode() == Scaffold.Mode.LAMBDA ? scaffold.rounds() : 1;
        long perRound = Math.max(1, augmentedBudget / rounds);
        List<Double> lambdas = new ArrayList<>();
        List<Double> contributions = new ArrayList<>();
        Problem current = problem;
        double[] theta = problem.initialPoint();
        long used = 0;
        double networkOnly = Double.NaN;
        double seconds = 0.0;
        for (int r = 0; r < rounds && used < augmentedBudget; r++) {
            long steps = r == rounds - 1 ? augmentedBudget - used : Math.min(perRound, augmentedBudget - used);
            FitResult fit = Fit.from(current, theta, config.toBuilder().maxSteps(steps).build(),
                    phase(listeners, used, false));
            used += fit.training().steps();
            seconds += fit.training().seconds();
            StopReason stop = fit.training().stop().reason();
            if (stop == StopReason.NON_FINITE || stop == StopReason.DIVERGED) {
                if (r == 0) {
                    return new ScaffoldFit(fit, scaffold, lambdas, contributions, used, Double.NaN, seconds);
                }
                break; // a later round's larger λ was too stiff: drop from the last round's point
            }
            theta = fit.theta();
            NeuronSnapshot s = current.objective().neuron(theta).orElseThrow();
            lambdas.add(current.lambda());
            contributions.add(s.maxContribution());
            networkOnly = s.networkOnlyLoss();
            double next = Math.min(current.lambda() * scaffold.growth(), lambdaCap(config));
            if (s.maxContribution() < scaffold.tolerance() || fit.training().steps() < steps
                    || !(next > current.lambda())) {
                break;
            }
            current = current.withNeuron(current.spec().neuron(), next);
        }
        Problem plain = problem.withNeuron(NeuronKind.NONE, problem.lambda());
        double[] dropped = Arrays.copyOf(theta, problem.spec().layout().networkDimension());
        long rest = Math.max(1, budget - used);
        FitResult fine = Fit.from(plain, dropped, config.toBuilder().maxSteps(rest).build(),
                phase(listeners, used, true));
        return new ScaffoldFit(fine, scaffold, lambdas, contributions, used, networkOnly, seconds);
    }

    /**
     * The listeners of one phase: steps counted from the schedule's start (offset by the steps
     * done before), and {@code onFinish} only at the end of the last phase.
     */
    private static TrainingListener[] phase(TrainingListener[] listeners, long offset, boolean last) {
        TrainingListener[] out = new TrainingListener[listeners.length];
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
            m.put("scaffold_fine_tune_steps", Long.toString(plain.training().steps()));
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
