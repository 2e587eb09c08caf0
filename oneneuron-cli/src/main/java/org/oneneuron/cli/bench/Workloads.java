package org.oneneuron.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oneneuron.cli.CommandFailure;
import org.oneneuron.cli.ExitCodes;
import org.oneneuron.train.Stop;

/** The workloads by id, and the peer script and figure of merit of each. */
final class Workloads {

    /** A workload, its peer script and the throughput field compared. */
    enum Id {
        W1("w1_fullbatch.py", "steps_per_s", "steps_per_s", List.of()),
        W2("w2_minibatch.py", "samples_per_s", "samples_per_s", List.of()),
        W3("w3_hessian.py", "hvp_fresh_per_s", "hvp_fresh_per_s", List.of("hvp_reuse_per_s")),
        W4("w4_tiny_runs.py", "runs_per_s", "batched_runs_per_s", List.of("loop_runs_per_s", "vmap_runs_per_s")),
        W5("w5_cnn.py", "samples_per_s", "samples_per_s", List.of(),
                List.of("hvp_fresh_per_s", "samples_per_cpu_s", "hvp_fresh_per_cpu_s")),
        W6("w6_multiclass.py", "samples_per_s", "samples_per_s", List.of(),
                List.of("hvp_per_s/hvp_fresh_per_s", "hvp_fresh_per_s", "samples_per_cpu_s",
                        "hvp_per_cpu_s/hvp_fresh_per_cpu_s", "hvp_fresh_per_cpu_s"));

        final String peerScript;
        final String ourFigure;
        final String peerFigure;
        /** Other peer figures our figure is also divided by (e.g. W4's eager loop). */
        final List<String> otherPeerFigures;
        /**
         * Further figures compared each with the peer's field of the same name (W5's HVPs), or,
         * written "ours/peer", with the peer's field named after the slash (W6's HVPs as the tool
         * runs them, reusing the forward pass at θ, against the peer's fresh graph).
         */
        final List<String> pairedFigures;

        Id(String peerScript, String ourFigure, String peerFigure, List<String> otherPeerFigures) {
            this(peerScript, ourFigure, peerFigure, otherPeerFigures, List.of());
        }

        Id(String peerScript, String ourFigure, String peerFigure, List<String> otherPeerFigures,
           List<String> pairedFigures) {
            this.peerScript = peerScript;
            this.ourFigure = ourFigure;
            this.peerFigure = peerFigure;
            this.otherPeerFigures = otherPeerFigures;
            this.pairedFigures = pairedFigures;
        }
    }

    private Workloads() {
    }

    static List<Id> parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("ALL")) {
            return List.of(Id.values());
        }
        List<Id> ids = new ArrayList<>();
        for (String part : t.split(",")) {
            try {
                ids.add(Id.valueOf(part.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("workload '" + part.trim() + "' is unknown: expected W1, W2, W3, W4, W5, W6, all, kernel or peak");
            }
        }
        return ids;
    }

    /**
     * Fails (exit 1, the stop named) when a workload's timed training ended in numerical trouble
     * (NaN/Inf, divergence, no progress): its seconds would time a shorter run, and the figures
     * after it would be of a point the optimizer did not reach. More epochs than the workload's learning rate survives
     * do that (W5 past five: the neuron's exponent overflows in float32).
     */
    static void requireSound(String workload, Stop stop) {
        if (stop.reason().numericalTrouble()) {
            throw new CommandFailure(ExitCodes.FAILURE, workload + ": training stopped: " + stop.message()
                    + "; nothing was timed (fewer --steps may run through)");
        }
    }

    static Map<String, Object> run(Id id, BenchContext ctx) throws Exception {
        return switch (id) {
            case W1 -> FullBatchWorkload.run(ctx);
            case W2 -> MinibatchWorkload.run(ctx);
            case W3 -> HessianWorkload.run(ctx);
            case W4 -> TinyRunsWorkload.run(ctx);
            case W5 -> ConvWorkload.run(ctx);
            case W6 -> MultiClassWorkload.run(ctx);
        };
    }
}
