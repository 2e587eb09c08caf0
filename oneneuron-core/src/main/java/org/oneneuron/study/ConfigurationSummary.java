package org.oneneuron.study;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statistics of one configuration (all restarts of one RunSpec.configKey()).
 *
 * @param configKey           the configuration
 * @param pairingKey          the configuration without the neuron
 * @param neuron              neuron variant
 * @param runs                finished runs
 * @param nearZero            runs with total loss below the near-zero bound
 * @param networkOnlyNearZero runs whose network alone is below the bound
 * @param globalMinimum       verdict global_minimum
 * @param neuronCarriesFit    verdict neuron_carries_fit
 * @param badLocalMinimum     verdict bad_local_minimum
 * @param saddle              verdict saddle
 * @param offToInfinity       verdict escaping_to_infinity or no_attained_minimum
 * @param notStationary       verdict not_stationary
 * @param verdictCounts       every verdict word with its count
 * @param lossQuantiles       min, q25, median, q75, max of the final total loss
 * @param networkOnlyQuantiles the same for the network-only loss
 * @param heldOutAccuracyQuantiles the same for held-out accuracy (NaN without held-out data)
 * @param heldOutRmseQuantiles the same for a regression's held-out RMSE (NaN otherwise)
 * @param meanSeconds         mean wall time per run
 */
public record ConfigurationSummary(String configKey, String pairingKey, String neuron, int runs,
                                   Proportion nearZero, Proportion networkOnlyNearZero,
                                   Proportion globalMinimum, Proportion neuronCarriesFit,
                                   Proportion badLocalMinimum, Proportion saddle,
                                   Proportion offToInfinity, Proportion notStationary,
                                   Map<String, Integer> verdictCounts, List<Double> lossQuantiles,
                                   List<Double> networkOnlyQuantiles,
                                   List<Double> heldOutAccuracyQuantiles, List<Double> heldOutRmseQuantiles,
                                   double meanSeconds) {

    private static final double[] LEVELS = {0, 0.25, 0.5, 0.75, 1};

    public ConfigurationSummary {
        verdictCounts = Map.copyOf(verdictCounts);
        lossQuantiles = List.copyOf(lossQuantiles);
        networkOnlyQuantiles = List.copyOf(networkOnlyQuantiles);
        heldOutAccuracyQuantiles = List.copyOf(heldOutAccuracyQuantiles);
        heldOutRmseQuantiles = List.copyOf(heldOutRmseQuantiles);
    }

    /** Summarizes the runs of one configuration; {@code nearZeroBound} is the near-zero loss. */
    public static ConfigurationSummary of(List<JournalEntry> runs, double nearZeroBound) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a configuration summary needs at least one run");
        }
        RunSpec first = runs.get(0).run();
        int n = runs.size();
        int near = 0;
        int netNear = 0;
        Map<String, Integer> counts = new TreeMap<>();
        double[] loss = new double[n];
        double[] net = new double[n];
        double[] held = new double[n];
        double[] rmse = new double[n];
        double seconds = 0;
        for (int i = 0; i < n; i++) {
            RunOutcome o = runs.get(i).outcome();
            near += o.loss() < nearZeroBound ? 1 : 0;
            netNear += o.networkOnlyLoss() < nearZeroBound ? 1 : 0;
            counts.merge(o.verdict(), 1, Integer::sum);
            loss[i] = o.loss();
            net[i] = o.networkOnlyLoss();
            held[i] = o.heldOutAccuracy();
            rmse[i] = o.heldOutRmse();
            seconds += o.seconds();
        }
        int inf = counts.getOrDefault("escaping_to_infinity", 0)
                + counts.getOrDefault("no_attained_minimum", 0);
        return new ConfigurationSummary(first.configKey(), first.pairingKey(), first.neuron(), n,
                new Proportion(near, n), new Proportion(netNear, n),
                count(counts, "global_minimum", n), count(counts, "neuron_carries_fit", n),
                count(counts, "bad_local_minimum", n), count(counts, "saddle", n),
                new Proportion(inf, n), count(counts, "not_stationary", n), counts,
                quantiles(loss), quantiles(net), quantiles(held), quantiles(rmse), seconds / n);
    }

    private static Proportion count(Map<String, Integer> counts, String word, int n) {
        return new Proportion(counts.getOrDefault(word, 0), n);
    }

    private static List<Double> quantiles(double[] v) {
        Double[] q = new Double[LEVELS.length];
        for (int i = 0; i < LEVELS.length; i++) {
            q[i] = StudyStatistics.quantile(v, LEVELS[i]);
        }
        return List.of(q);
    }
}
