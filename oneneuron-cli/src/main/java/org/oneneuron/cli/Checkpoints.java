package org.oneneuron.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneneuron.data.DataException;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.TargetStandardizer;
import org.oneneuron.data.Task;
import org.oneneuron.io.AtomicFiles;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.run.ClassifierConfig;
import org.oneneuron.run.HeldOutSplit;
import org.oneneuron.run.Model;
import org.oneneuron.run.Problem;
import org.oneneuron.run.Scaffold;
import org.oneneuron.run.ScaffoldState;
import org.oneneuron.run.TrainingData;
import org.oneneuron.train.TrainConfig;

/**
 * The checkpoints {@code train --checkpoint-every} writes beside the model file, as {@link
 * TrainingRun} uses them: where they lie, what an interrupted run says about them, the run key a
 * checkpoint carries, and the checks that refuse to resume one written by another run or network.
 */
final class Checkpoints {

    /** Prefix of the {@link #runKey} entries in a checkpoint's provenance. */
    static final String RUN_KEY = "resume.";

    /** The run key's entry for a regression's {@code --target-scale}. */
    private static final String TARGET_SCALE = "target_scale";

    private Checkpoints() {
    }

    /**
     * The checkpoint file beside the model file, a symbolic link followed (beside the file it points
     * to, as the lock file: {@link AtomicFiles#beside}).
     */
    static Path path(Path modelFile) {
        try {
            return AtomicFiles.beside(modelFile, name -> name + ".checkpoint");
        } catch (IOException e) { // links in a loop: the lock (taken first) has refused them
            return modelFile.resolveSibling(modelFile.getFileName() + ".checkpoint");
        }
    }

    /**
     * What a stop (Ctrl-C) part-way says for a run writing {@code out} whose last checkpoint holds
     * {@code steps} ("" when it records none; null: none yet), e.g. "interrupted; the checkpoint
     * m.json.checkpoint holds 500 steps: run the same command with --resume to continue from it";
     * null without checkpoints.
     */
    static String interrupted(Path out, long checkpointEvery, boolean resume, String steps) {
        if (out == null || checkpointEvery <= 0) {
            return null;
        }
        if (steps == null) {
            return "interrupted before the first checkpoint (every " + checkpointEvery + " steps); "
                    + (resume ? "the checkpoint it resumed from, if any, is unchanged" : "nothing was kept");
        }
        return "interrupted; the checkpoint " + path(out) + (steps.isEmpty() ? "" : " holds " + steps
                + " steps") + ": run the same command with --resume to continue from it";
    }

    /**
     * What a checkpoint must share with the options that resume it, besides the network (checked
     * apart): the data (its sha256) and every choice that changes the steps or the loss. The step
     * budget may differ (a resumed run may be given more steps).
     */
    static Map<String, String> runKey(ClassifierConfig config, TrainingData data) {
        TrainConfig t = config.train();
        Map<String, String> key = new LinkedHashMap<>();
        // a held-out split has hashed the same data already
        key.put("data_sha256", data.split().map(HeldOutSplit::dataSha256)
                .orElseGet(() -> Datasets.sha256(data.raw())));
        key.put("held_out", Double.toString(config.heldOut()));
        key.put("class_weight", config.balancedClassWeights() ? "balanced" : "none");
        if (data.train().task() == Task.REGRESSION) { // a checkpoint's θ predicts targets in these units
            key.put(TARGET_SCALE, targetScale(data.target()));
        }
        key.put("loss", config.loss().word());
        key.put("reduction", config.reduction().word());
        key.put("lambda", Double.toString(config.lambda()));
        key.put("dtype", config.precision().word());
        key.put("init", config.initializer().word());
        key.put("seed", Long.toString(t.seed()));
        key.put("optimizer", t.optimizer().word());
        key.put("learning_rate", Double.toString(t.learningRate()));
        key.put("batch_size", Integer.toString(t.batchSize()));
        key.put("momentum", Double.toString(t.momentum()));
        key.put("nesterov", Boolean.toString(t.nesterov()));
        key.put("clip", Double.toString(t.clipNorm()));
        Map<String, String> prefixed = new LinkedHashMap<>();
        key.forEach((k, v) -> prefixed.put(RUN_KEY + k, v));
        return prefixed;
    }

    /** A regression's {@code --target-scale} as the run key words it: none for the identity, else standard. */
    private static String targetScale(TargetStandardizer target) {
        return target.isIdentity() ? "none" : "standard";
    }

    /**
     * Refuses a checkpoint written with other data or options (each differing entry named); a
     * checkpoint from before these entries were written is taken as it is, except for a
     * regression's target scaling: a checkpoint without that entry (written before target
     * scaling existed, or a finished model file) fits the targets its own file says
     * ({@code target_standardizer}; absent: the raw targets), and resuming it on the other
     * scaling would continue on another objective from a θ fitted to this one.
     */
    static void requireSameRun(Model saved, Path checkpoint, Map<String, String> runKey) {
        Map<String, String> stored = new HashMap<>(saved.provenance());
        if (runKey.containsKey(RUN_KEY + TARGET_SCALE)) {
            stored.putIfAbsent(RUN_KEY + TARGET_SCALE, targetScale(saved.targetStandardizer()));
        }
        List<String> differing = new ArrayList<>();
        runKey.forEach((k, now) -> {
            String then = stored.get(k);
            if (then != null && !then.equals(now)) {
                String name = k.substring(RUN_KEY.length());
                differing.add(name.equals("data_sha256") ? "the data (sha256 " + then.substring(0, 12) + "…, now "
                        + now.substring(0, 12) + "…)"
                        : name.equals(TARGET_SCALE) ? name + " " + then + " (its θ fits the " + (then.equals("none")
                        ? "raw" : "standardized") + " targets: resume with --target-scale " + then + "), now " + now
                        : name + " " + then + ", now " + now);
            }
        });
        if (!differing.isEmpty()) {
            throw new DataException(checkpoint.toString(), "the checkpoint was written by another run: "
                    + String.join("; ", differing) + ". Resume with the same data and options, or start again"
                    + " without --resume");
        }
    }

    /**
     * Refuses to resume a plain run (--scaffold keep or none) from a checkpoint a drop or lambda
     * schedule wrote, or from one of another network than the options describe.
     */
    static void requirePlain(Model saved, Path checkpoint, Problem problem) {
        if (saved.provenance().containsKey(ScaffoldState.PHASE)) {
            throw new DataException(checkpoint.toString(), "the checkpoint was written by --scaffold "
                    + saved.provenance().get("scaffold") + "; resume it with the same --scaffold");
        }
        if (!saved.spec().equals(problem.spec())) {
            throw networkMismatch(checkpoint, saved, problem);
        }
    }

    /**
     * The scaffold state of a checkpoint written by the same schedule, its network checked
     * against the options (the augmented one, or the plain one once fine-tuning).
     */
    static ScaffoldState scaffoldState(Model saved, Path checkpoint, Problem problem, Scaffold scaffold) {
        ScaffoldState state;
        try {
            state = ScaffoldState.fromProvenance(saved.provenance(), scaffold);
        } catch (IllegalArgumentException e) {
            throw new DataException(checkpoint.toString(), e.getMessage());
        }
        Problem expected = state.fineTune() ? problem.withNeuron(NeuronKind.NONE, problem.lambda()) : problem;
        if (!saved.spec().equals(expected.spec())) {
            throw networkMismatch(checkpoint, saved, expected);
        }
        return state;
    }

    /** Removes a finished run's checkpoint, if there is one. */
    static void delete(Path checkpoint) {
        try {
            Files.deleteIfExists(checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the finished run's checkpoint " + checkpoint, e);
        }
    }

    private static DataException networkMismatch(Path checkpoint, Model saved, Problem expected) {
        return new DataException(checkpoint.toString(), "the checkpoint holds the network "
                + words(saved.spec()) + " but the options describe " + words(expected.spec())
                + "; resume with the same network, or start again without --resume");
    }

    /** A network in the words of --arch and --neuron, with its input shape. */
    private static String words(NetworkSpec spec) {
        return "'" + spec.architecture() + "' on input " + spec.input() + " with neuron " + spec.neuron().word();
    }
}
