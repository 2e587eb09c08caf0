package org.oneneuron.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a {@link Scaffold} schedule stands after some steps: what a checkpoint must hold, beside
 * θ, for the schedule to continue exactly as it would have (with an optimizer that keeps no state
 * but θ, e.g. gd, the resumed run ends at the same bits). Stored as provenance entries of the
 * checkpoint model ({@link #toProvenance}, {@link #fromProvenance}); numbers are written with
 * {@link Double#toString}, which reads back to the same double.
 *
 * @param stepsDone        steps of the schedule done (augmented and fine-tune together)
 * @param fineTune         whether the neuron is already dropped (θ is the plain network's)
 * @param round            the augmented round under way (0-based; ignored once fine-tuning)
 * @param roundStart       the schedule step at which that round began
 * @param lambda           that round's λ
 * @param lambdas          λ of each finished round
 * @param contributions    max_i |a·E_i| after each finished round
 * @param augmentedSteps   steps of the augmented phase (its final value once fine-tuning)
 * @param networkOnlyAtDrop the network alone's loss at the drop (NaN before it)
 * @param augmentedSeconds wall time of the augmented rounds finished so far
 */
public record ScaffoldState(long stepsDone, boolean fineTune, int round, long roundStart, double lambda,
                            List<Double> lambdas, List<Double> contributions, long augmentedSteps,
                            double networkOnlyAtDrop, double augmentedSeconds) {

    /** The provenance key that marks a scaffold checkpoint and names its phase. */
    public static final String PHASE = "scaffold_phase";

    public ScaffoldState {
        if (stepsDone < 0 || round < 0 || roundStart < 0 || roundStart > stepsDone || augmentedSteps < 0) {
            throw new IllegalArgumentException("inconsistent scaffold state: steps " + stepsDone + ", round "
                    + round + " from step " + roundStart + ", augmented steps " + augmentedSteps);
        }
        lambdas = List.copyOf(Objects.requireNonNull(lambdas, "lambdas"));
        contributions = List.copyOf(Objects.requireNonNull(contributions, "contributions"));
    }

    /** The state as checkpoint provenance (with {@code steps_done}, as any checkpoint has). */
    public Map<String, String> toProvenance(Scaffold scaffold) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("steps_done", Long.toString(stepsDone));
        m.put("scaffold", scaffold.mode().word());
        m.put("scaffold_schedule", scaffold.describe());
        m.put(PHASE, fineTune ? "fine-tune" : "augmented");
        m.put("scaffold_round", Integer.toString(round));
        m.put("scaffold_round_start", Long.toString(roundStart));
        m.put("scaffold_lambda", Double.toString(lambda));
        m.put("scaffold_lambdas_exact", join(lambdas));
        m.put("scaffold_contributions_exact", join(contributions));
        m.put("scaffold_augmented_steps", Long.toString(augmentedSteps));
        m.put("scaffold_network_only_at_drop_exact", Double.toString(networkOnlyAtDrop));
        m.put("scaffold_augmented_seconds", Double.toString(augmentedSeconds));
        return m;
    }

    /**
     * Reads a checkpoint's state back, checking that it was written by the same schedule.
     *
     * @throws IllegalArgumentException naming what is missing or different (the caller adds the file)
     */
    public static ScaffoldState fromProvenance(Map<String, String> p, Scaffold scaffold) {
        String phase = p.get(PHASE);
        if (phase == null) {
            throw new IllegalArgumentException("the checkpoint was written without a scaffold schedule"
                    + " (--scaffold keep or none); resume it with the same --scaffold");
        }
        if (!scaffold.describe().equals(p.get("scaffold_schedule"))) {
            throw new IllegalArgumentException("the checkpoint was written by the schedule '"
                    + p.get("scaffold_schedule") + "' but the options describe '" + scaffold.describe() + "'");
        }
        try {
            return new ScaffoldState(Long.parseLong(need(p, "steps_done")), "fine-tune".equals(phase),
                    Integer.parseInt(need(p, "scaffold_round")), Long.parseLong(need(p, "scaffold_round_start")),
                    Double.parseDouble(need(p, "scaffold_lambda")), split(need(p, "scaffold_lambdas_exact")),
                    split(need(p, "scaffold_contributions_exact")),
                    Long.parseLong(need(p, "scaffold_augmented_steps")),
                    Double.parseDouble(need(p, "scaffold_network_only_at_drop_exact")),
                    Double.parseDouble(need(p, "scaffold_augmented_seconds")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the checkpoint's scaffold state is damaged: " + e.getMessage(), e);
        }
    }

    private static String need(Map<String, String> p, String key) {
        String v = p.get(key);
        if (v == null) {
            throw new IllegalArgumentException("the checkpoint's scaffold state lacks '" + key + "'");
        }
        return v;
    }

    private static String join(List<Double> values) {
        List<String> parts = new ArrayList<>();
        for (double v : values) {
            parts.add(Double.toString(v));
        }
        return String.join(",", parts);
    }

    private static List<Double> split(String text) {
        List<Double> out = new ArrayList<>();
        if (!text.isEmpty()) {
            for (String part : text.split(",")) {
                out.add(Double.parseDouble(part));
            }
        }
        return out;
    }
}
