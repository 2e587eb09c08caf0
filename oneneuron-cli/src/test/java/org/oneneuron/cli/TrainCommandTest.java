package org.oneneuron.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oneneuron.io.WriterLock;
import org.oneneuron.run.Model;
import org.oneneuron.linalg.Backends;

class TrainCommandTest {

    static final String SMALL = "xor:n=40";

    @TempDir
    Path dir;

    static JsonNode json(Cli r) throws Exception {
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        return new ObjectMapper().readTree(r.out());
    }

    static void assertSnakeCase(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertTrue(e.getKey().matches("[a-z][a-z0-9_]*"), "key " + e.getKey());
                assertSnakeCase(e.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(TrainCommandTest::assertSnakeCase);
        }
    }

    @Test
    void trainJsonHasTheContractKeys() throws Exception {
        JsonNode j = json(Cli.run("train", SMALL, "--hidden", "4", "--steps", "20", "--json",
                "--test-fraction", "0.25", "--scaffold", "keep"));
        for (String key : new String[] {"schema_version", "train_accuracy", "test_accuracy", "loss_total",
            "loss_network_only", "loss_data", "loss_penalty", "steps", "verdict", "provenance", "neuron"}) {
            assertTrue(j.has(key), "missing " + key + " in " + j);
        }
        assertEquals(Json.SCHEMA_VERSION, j.get("schema_version").asInt());
        assertEquals(30, j.get("n_train").asInt());
        assertEquals(10, j.get("n_test").asInt());
        assertTrue(java.util.Set.of("global_minimum", "neuron_carries_fit", "bad_local_minimum", "saddle",
                "not_stationary", "not_converged", "escaping_to_infinity", "no_attained_minimum")
                .contains(j.get("verdict").asText()), j.get("verdict").asText());
        assertTrue(j.get("hess_eig_min").asDouble() <= j.get("hess_eig_max").asDouble());
        assertTrue(j.get("train_accuracy").asDouble() >= 0 && j.get("train_accuracy").asDouble() <= 1);
        assertEquals("0", j.get("provenance").get("seed").asText());
        assertSnakeCase(j);
    }

    @Test
    void timingsNameEveryPhaseAndTheCertificateCanBeSkipped() throws Exception {
        String[] args = {"train", SMALL, "--hidden", "4", "--steps", "20", "--json"};
        JsonNode j = json(Cli.run(args));
        java.util.List<String> phases = new java.util.ArrayList<>();
        j.get("timings").fieldNames().forEachRemaining(phases::add);
        // the default --scaffold lambda: the rounds with the neuron, then the fine-tune's own phases
        assertEquals(java.util.List.of("load", "checks", "prepare", "augmented_phases", "start", "optimizer",
                "history", "final_evaluation", "model", "write", "assessment", "certificate", "total"), phases);
        assertTrue(j.get("timings").get("augmented_phases").get("seconds").asDouble() > 0, j.get("timings").toString());
        double sum = 0;
        for (String phase : phases.subList(0, phases.size() - 1)) {
            JsonNode t = j.get("timings").get(phase);
            assertTrue(t.get("seconds").asDouble() >= 0 && t.get("cpu_seconds").asDouble() >= 0, phase);
            sum += t.get("seconds").asDouble();
        }
        assertEquals(sum, j.get("timings").get("total").get("seconds").asDouble(), 1e-9);
        assertTrue(j.get("hess_eig_min").isNumber(), "a small model's curvature is always computed");

        String[] skip = java.util.Arrays.copyOf(args, args.length + 1);
        skip[args.length] = "--no-certificate";
        JsonNode s = json(Cli.run(skip));
        assertFalse(s.get("timings").has("certificate"), s.get("timings").toString());
        assertTrue(s.get("hess_eig_min").isNull() && s.get("hess_eig_max").isNull());
        assertEquals(s.get("trajectory_verdict").asText(), s.get("verdict").asText());
        assertEquals(j.get("loss_total").asDouble(), s.get("loss_total").asDouble(), 0.0, "same training");
    }

    @Test
    void gradientToleranceStopsARunAndZeroSkipsOnlyTheMinibatchRecordsGradients() throws Exception {
        JsonNode stopped = json(Cli.run("train", SMALL, "--hidden", "4", "--steps", "200", "--scaffold", "none",
                "--gradient-tolerance", "10", "--json"));
        assertEquals("gradient_tolerance", stopped.get("stop_reason").asText(), stopped.toString());
        assertEquals(0, stopped.get("steps").asInt());
        assertEquals("none", stopped.get("network").get("neuron").asText(), "--scaffold none trains the plain network");
        assertFalse(stopped.get("provenance").has("scaffold"), stopped.toString());

        String[] minibatch = {"train", SMALL, "--hidden", "4", "--optimizer", "adam", "--batch", "8", "--lr", "0.01",
            "--steps", "120", "--history-every", "10", "--json"};
        JsonNode judged = json(Cli.run(minibatch));
        String[] off = java.util.Arrays.copyOf(minibatch, minibatch.length + 2);
        off[minibatch.length] = "--gradient-tolerance";
        off[minibatch.length + 1] = "0";
        JsonNode skipped = json(Cli.run(off));
        for (String key : new String[] {"loss_total", "gradient_norm", "train_accuracy", "steps", "stop_reason",
            "trajectory_verdict", "verdict"}) {
            assertEquals(judged.get(key), skipped.get(key), key);
        }
        assertFalse(Cli.run("train", SMALL, "--gradient-tolerance", "-1").exitCode() == ExitCodes.OK);
    }

    @Test
    void float32TrainsAndReportsItsPrecision() throws Exception {
        JsonNode j = json(Cli.run("train", SMALL, "--hidden", "4", "--optimizer", "sgd", "--batch", "8",
                "--lr", "0.05", "--steps", "200", "--dtype", "float32", "--json"));
        assertEquals("float32", j.get("dtype").asText());
        JsonNode double64 = json(Cli.run("train", SMALL, "--hidden", "4", "--optimizer", "sgd", "--batch", "8",
                "--lr", "0.05", "--steps", "200", "--json"));
        assertEquals("float64", double64.get("dtype").asText());
        assertEquals(double64.get("loss_total").asDouble(), j.get("loss_total").asDouble(),
                1e-3 * Math.max(1.0, double64.get("loss_total").asDouble()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov"})
    void theOptimizerIsReportedAndSavedByItsOwnWordWithItsMomentum(String word) throws Exception {
        Path out = dir.resolve(word + ".json");
        JsonNode j = json(Cli.run("train", SMALL, "--hidden", "4", "--neuron", "none", "--optimizer", word,
                "--steps", "5", "--out", out.toString(), "--json"));
        assertEquals(word, j.get("optimizer").asText(), j.toString());
        JsonNode provenance = new ObjectMapper().readTree(Files.readString(out)).get("provenance");
        assertEquals(word, provenance.get("optimizer").asText());
        assertEquals(word.equals("sgd") ? null : String.valueOf(OptimizerChoice.HEAVY_BALL_DEFAULT),
                provenance.has("momentum") ? provenance.get("momentum").asText() : null, provenance.toString());
    }

    @Test
    void optionsTheRunDoesNotReadAreNamedInAWarning() throws Exception {
        Cli r = Cli.run("train", SMALL, "--hidden", "3", "--steps", "3", "--optimizer", "lbfgs", "--lr", "0.5",
                "--momentum", "0.5", "--neuron", "none", "--lambda", "2", "--scaffold-rounds", "3");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        for (String expected : new String[] {"warning: --momentum has no effect with --optimizer lbfgs",
            "warning: --lr has no effect with --optimizer lbfgs (it chooses its own steps)",
            "warning: --lambda has no effect without a special neuron",
            "warning: --scaffold-rounds has no effect with --scaffold none"}) {
            assertTrue(r.err().contains(expected), expected + " in\n" + r.err());
        }
        Cli used = Cli.run("train", SMALL, "--hidden", "3", "--steps", "3", "--optimizer", "nesterov", "--lr", "0.5",
                "--momentum", "0.5", "--lambda", "2", "--scaffold-rounds", "3");
        assertFalse(used.err().contains("has no effect"), used.err());
    }

    @Test
    void threadsGoToTheSampleChunksNotAlsoToTheGemmKernels() throws Exception {
        JsonNode j = json(Cli.run("train", SMALL, "--hidden", "4", "--steps", "20", "--threads", "2", "--json"));
        assertEquals("2", j.get("provenance").get("threads").asText(), j.toString());
        assertEquals(1, Backends.threads(), "nested splitting (chunks, then each GEMM) made W2 3x slower");
    }

    @Test
    void jsonModeKeepsStderrFreeOfProgress() {
        Cli r = Cli.run("train", SMALL, "--hidden", "4", "--steps", "5", "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals("", r.err());
    }

    @Test
    void textModeShowsProgressLinesOnStderr() {
        Cli r = Cli.run("train", SMALL, "--hidden", "4", "--steps", "10", "--optimizer", "gd",
                "--lr", "0.001");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.err().contains("train: 10/10 (100%)"), r.err());
        assertTrue(r.out().contains("train accuracy"), r.out());
    }

    @Test
    void sameSeedSameModelBitForBit() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertEquals(0, Cli.run("train", SMALL, "--hidden", "3", "--steps", "15", "--seed", "7", "-q",
                "--out", a.toString()).exitCode());
        assertEquals(0, Cli.run("train", SMALL, "--hidden", "3", "--steps", "15", "--seed", "7", "-q",
                "--out", b.toString()).exitCode());
        assertArrayEquals(Model.load(a).theta(), Model.load(b).theta());
    }

    @Test
    void resumeFromACheckpointGivesTheUninterruptedResult() throws Exception {
        // Gradient descent keeps no state besides θ, so 10 steps + 10 resumed steps = 20 steps.
        String[] common = {"train", SMALL, "--hidden", "3", "--optimizer", "gd", "--lr", "0.001", "-q",
            "--scaffold", "keep"};
        Path whole = dir.resolve("whole.json");
        assertEquals(0, Cli.run(concat(common, "--steps", "20", "--out", whole.toString())).exitCode());
        Path half = dir.resolve("half.json");
        Cli first = Cli.run(concat(common, "--steps", "10", "--checkpoint-every", "10", "--out",
                half.toString()));
        assertEquals(0, first.exitCode(), first.toString());
        assertFalse(Files.exists(Checkpoints.path(half)), "finished runs remove their checkpoint");
        Path resumed = dir.resolve("resumed.json");
        Files.copy(half, Checkpoints.path(resumed));
        Cli second = Cli.run(concat(common, "--steps", "20", "--resume", "--out", resumed.toString()));
        assertEquals(0, second.exitCode(), second.toString());
        assertArrayEquals(Model.load(whole).theta(), Model.load(resumed).theta());
        assertEquals("20", Model.load(resumed).provenance().get("steps_done"));
    }

    @Test
    void resumingAStatefulOptimizerSaysItWillNotMatchTheUninterruptedRun() throws Exception {
        String[] common = {"train", SMALL, "--hidden", "3", "--scaffold", "keep"};
        for (String optimizer : new String[] {"adam", "gd"}) {
            Path half = dir.resolve(optimizer + "-half.json");
            Cli first = Cli.run(concat(common, "-q", "--steps", "10", "--optimizer", optimizer,
                    "--checkpoint-every", "5", "--out", half.toString()));
            assertEquals(0, first.exitCode(), first.toString());
            Path resumed = dir.resolve(optimizer + "-resumed.json");
            Files.copy(half, Checkpoints.path(resumed));
            Cli second = Cli.run(concat(common, "--optimizer", optimizer, "--steps", "20", "--resume",
                    "--out", resumed.toString()));
            assertEquals(0, second.exitCode(), second.toString());
            assertTrue(second.err().contains("resuming from"), second.err());
            assertEquals(optimizer.equals("adam"), second.err().contains("adam's own state restarts from the "
                    + "checkpoint's θ: the run will not match an uninterrupted one bit for bit"), second.err());
        }
    }

    @Test
    void divergenceExitsOneKeepsTheCheckpointAndWritesNoModel() throws Exception {
        Path out = dir.resolve("m.json");
        Cli r = Cli.run("train", SMALL, "--hidden", "3", "--optimizer", "gd", "--lr", "1e3",
                "--steps", "50", "--checkpoint-every", "1", "--scaffold", "keep", "--out", out.toString());
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("error: training stopped: diverged at step"), r.err());
        assertTrue(r.out().contains("diverged"), r.out());
        assertFalse(Files.exists(out));
        Model checkpoint = Model.load(Checkpoints.path(out));
        assertEquals("1", checkpoint.provenance().get("steps_done"));
        Cli json = Cli.run("train", SMALL, "--hidden", "3", "--optimizer", "gd", "--lr", "1e3",
                "--steps", "50", "--scaffold", "keep", "--json");
        assertEquals(ExitCodes.FAILURE, json.exitCode(), json.toString());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals("diverged", j.get("verdict").asText(), "as certify and studies call it: " + j);
        assertTrue(j.get("verdict_evidence").asText().startsWith("trainer: diverged at step "), j.toString());
    }

    @Test
    void aLambdaTooSteepToTakeAStepExitsOneAndWritesNoModel() throws Exception {
        // λ = 1e308: the penalty's curvature leaves L-BFGS no representable step that lowers the loss
        Path out = dir.resolve("m.json");
        Cli r = Cli.run("train", SMALL, "--hidden", "3", "--steps", "50", "--lambda", "1e308", "--json",
                "--out", out.toString());
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("error: training stopped: no_progress at step 1: lbfgs could not take a single"
                + " step from the start"), r.err());
        assertTrue(r.err().contains("a smaller --lambda (now 1.0E308) or another --optimizer"), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("no_progress", j.get("stop_reason").asText());
        assertEquals(0, j.get("steps").asInt());
        assertFalse(Files.exists(out));
    }

    @Test
    void warnsAboutLossesOutsideAssumptionOneAndZeroLambda() throws Exception {
        Cli logistic = Cli.run("train", SMALL, "--hidden", "3", "--steps", "3", "--loss", "logistic");
        assertEquals(ExitCodes.OK, logistic.exitCode(), logistic.toString());
        assertTrue(logistic.err().contains("warning: loss logistic does not satisfy Assumption 1"),
                logistic.err());
        // λ = 0: the library logs the warning line (LibraryLogging); the JSON lists it too.
        Cli zero = Cli.run("train", SMALL, "--hidden", "3", "--steps", "3", "--lambda", "0",
                "--allow-zero-lambda", "--json");
        assertEquals(ExitCodes.OK, zero.exitCode(), zero.toString());
        assertTrue(zero.out().contains("\"λ = 0 with the skip-exp neuron"), zero.out());
    }

    @Test
    void warnsAboutConflictingDuplicates() throws Exception {
        Path csv = dir.resolve("dup.csv");
        Files.writeString(csv, "a,b,label\n1,2,x\n1,2,y\n5,6,y\n7,7,x\n");
        Cli r = Cli.run("train", csv.toString(), "--hidden", "2", "--steps", "3");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.err().contains("warning: dup.csv: 1 group of identical inputs with conflicting"
                + " labels"), r.err());
    }

    @SuppressWarnings("try") // the lock is held for the block and never read
    @Test
    void anOutputInUseIsRefusedAtOnce() throws Exception {
        Path model = dir.resolve("m.json");
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (WriterLock lock = WriterLock.beside(model, "another train")) {
                held.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "holder");
        holder.start();
        held.await();
        try {
            Cli r = Cli.run("train", SMALL, "--steps", "3", "--out", model.toString(), "--checkpoint-every", "1");
            assertEquals(ExitCodes.FAILURE, r.exitCode(), r.toString());
            assertEquals("error: " + model + " is in use by another task of this process (thread 'holder'); only one"
                    + " writer may use an output file at a time\n", r.err().replace("\r", ""));
            assertFalse(Files.exists(model) || Files.exists(dir.resolve("m.json.checkpoint")));
        } finally {
            release.countDown();
            holder.join();
        }
    }

    @SuppressWarnings("try") // the FIFO is held open for the block and never read
    @Test
    void aLinkedOutputIsWrittenThroughTheLinkAndAFifoOutputTakesNoCheckpoint() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path link = Files.createSymbolicLink(out.resolve("link.json"), Path.of("../real/m.json"));
        Cli r = Cli.run("train", SMALL, "--hidden", "3", "--steps", "3", "-q", "--out", link.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals("3", Model.load(real.resolve("m.json")).provenance().get("steps_done"));

        Path fifo = dir.resolve("pipe");
        int made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
        } catch (java.io.IOException e) {
            made = -1;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(made == 0, "mkfifo is not available here");
        Cli checkpointed;
        // Held open for reading (and writing, so that opening it never waits): a write to the FIFO
        // would land in its buffer instead of waiting for a reader.
        try (java.nio.channels.FileChannel held = java.nio.channels.FileChannel.open(fifo,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            checkpointed = Cli.run("train", SMALL, "--hidden", "3", "--steps", "3", "--checkpoint-every", "1",
                    "--out", fifo.toString());
        }
        assertEquals(ExitCodes.BAD_INPUT, checkpointed.exitCode(), checkpointed.toString());
        assertTrue(checkpointed.err().startsWith("error: --checkpoint-every and --resume need --out to be a"
                + " regular file (the checkpoint is written beside it); " + fifo + " is a FIFO (named pipe)\n"),
                checkpointed.err());
        assertFalse(Files.isRegularFile(fifo), "the FIFO stays a FIFO");
        assertFalse(Files.exists(dir.resolve("pipe.checkpoint")) || Files.exists(dir.resolve(".pipe.lock")),
                "no checkpoint or lock file beside a FIFO (or a device)");
    }

    /**
     * A heavy-tailed count feature (lognormal with σ = 3, up to ~13 standard deviations after
     * standardization) lets the neuron's exp(wᵀx + b) dwarf the network at λ = 0.01: train says so
     * and names the feature. With log1p of the counts the warning (still there at λ = 0.01 from seed
     * 1's θ₀, where the neuron fits label noise) blames no feature, and at the default λ there is none.
     */
    @Test
    void warnsWhenTheNeuronDwarfsTheNetworkOnHeavyTailedFeatures() throws Exception {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        StringBuilder raw = new StringBuilder("x1,x2,count,y\n");
        StringBuilder logged = new StringBuilder("x1,x2,log_count,y\n");
        for (int i = 0; i < 300; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            double count = Math.floor(Math.exp(3 * random.nextGaussian()));
            int y = x1 + 0.5 * x2 + 0.5 * random.nextGaussian() > 0 ? 1 : -1;
            raw.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%.0f,%d%n", x1, x2, count, y));
            logged.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%.6f,%d%n", x1, x2, Math.log1p(count), y));
        }
        Path heavy = Files.writeString(dir.resolve("heavy.csv"), raw);
        Cli r = Cli.run("train", heavy.toString(), "--lambda", "0.01", "--steps", "300", "-q", "--scaffold", "keep");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.err().contains("warning: the special neuron dwarfs the network: max_i |a·exp(wᵀx_i + b)| = ")
                && r.err().contains("Likely cause: heavy-tailed or unscaled features; after standardization feature"
                + " 'count' reaches ") && r.err().contains("Try log-transforming such features"), r.toString());
        Path tamed = Files.writeString(dir.resolve("tamed.csv"), logged);
        JsonNode small = json(Cli.run("train", tamed.toString(), "--lambda", "0.01", "--steps", "300", "--seed", "1",
                "--json", "--scaffold", "keep"));
        assertEquals(2, small.get("warnings").size(), small.toString());
        assertTrue(small.get("warnings").get(0).asText().contains("keeps its special neuron (--scaffold keep)"),
                small.toString());
        String w = small.get("warnings").get(1).asText();
        assertTrue(w.contains("so the neuron itself carries the fit") && !w.contains("heavy-tailed"), w);
        JsonNode defaults = json(Cli.run("train", tamed.toString(), "--steps", "300", "--seed", "1", "--json"));
        assertEquals(0, defaults.get("warnings").size(), defaults.get("warnings").toString());
    }

    @Test
    void theDefaultShipsNoNeuronOnHeavyTailedDataAndAnExplodingRowScoresFinitely() throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2,x3,y\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            double heavy = Math.exp(4 * random.nextGaussian());
            double x2 = random.nextGaussian();
            csv.append(String.format(java.util.Locale.ROOT, "%.6g,%.6g,%.6g,%d%n", heavy, x2, random.nextGaussian(),
                    x2 + 0.1 * Math.log(heavy) > 0 ? 1 : -1));
        }
        Path data = Files.writeString(dir.resolve("spam-like.csv"), csv.toString());
        Path model = dir.resolve("default.json");
        Cli r = Cli.run("train", data.toString(), "--steps", "200", "--json", "--out", model.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode j = json(r);
        assertEquals("none", j.get("network").get("neuron").asText(), "the default drops the scaffold: " + j);
        assertEquals("lambda", j.get("provenance").get("scaffold").asText());
        Model m = Model.load(model);
        assertFalse(m.spec().neuron().present());
        assertTrue(Double.isFinite(m.score(new double[] {1e12, 0, 0})), "no neuron to explode out of distribution");
    }

    @Test
    void aScaffoldRunKilledInEitherPhaseResumesFromItsCheckpointToTheSameBits() throws Exception {
        // gd keeps no state besides θ; the checkpoint carries the schedule's (round, λ, drop point).
        String[] common = {"train", SMALL, "--hidden", "3", "--optimizer", "gd", "--lr", "0.05", "--steps", "40",
            "--scaffold", "lambda", "--checkpoint-every", "3"};
        Path whole = dir.resolve("whole.json");
        Cli uninterrupted = Cli.run(concat(common, "-q", "--out", whole.toString()));
        assertEquals(ExitCodes.OK, uninterrupted.exitCode(), uninterrupted.toString());
        assertFalse(Files.exists(Checkpoints.path(whole)), "finished runs remove their checkpoint");
        Model expected = Model.load(whole);
        for (int killedAt : new int[] {16, 28}) { // the augmented phase is steps 1-20 (4 rounds), then the fine-tune
            Path out = dir.resolve("killed-" + killedAt + ".json");
            String[] args = concat(common, "--out", out.toString());
            int code = Main.execute(new PrintWriter(new StringWriter(), true),
                    new PrintWriter(new CrashOnLine("train: " + killedAt + "/"), true), args);
            assertTrue(code != ExitCodes.OK && !Files.exists(out), "the crash at step " + killedAt + " left no model");
            Model checkpoint = Model.load(Checkpoints.path(out));
            assertEquals(killedAt < 20 ? "augmented" : "fine-tune", checkpoint.provenance().get("scaffold_phase"));
            Cli resumed = Cli.run(concat(args, "--resume"));
            assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.toString());
            assertTrue(resumed.err().contains("resuming from"), resumed.err());
            Model m = Model.load(out);
            assertArrayEquals(expected.theta(), m.theta(), "resumed after a crash at step " + killedAt);
            for (String key : expected.provenance().keySet()) {
                if (key.startsWith("scaffold") || key.equals("steps_done")) {
                    assertEquals(expected.provenance().get(key), m.provenance().get(key), key);
                }
            }
        }
        Path out = dir.resolve("other.json");
        String[] args = concat(common, "--out", out.toString());
        Main.execute(new PrintWriter(new StringWriter(), true),
                new PrintWriter(new CrashOnLine("train: 16/"), true), args);
        args[java.util.Arrays.asList(args).indexOf("lambda")] = "keep";
        Cli keep = Cli.run(concat(args, "--resume"));
        assertEquals(ExitCodes.BAD_INPUT, keep.exitCode(), keep.toString());
        assertTrue(keep.err().contains("the checkpoint was written by --scaffold lambda; resume it with the same"),
                keep.err());
        args[java.util.Arrays.asList(args).indexOf("keep")] = "lambda";
        args[java.util.Arrays.asList(args).indexOf("0.05")] = "0.1";
        Cli otherRate = Cli.run(concat(args, "--resume"));
        assertEquals(ExitCodes.BAD_INPUT, otherRate.exitCode(), otherRate.toString());
        assertTrue(otherRate.err().contains("the checkpoint was written by another run: learning_rate 0.05, now 0.1."),
                otherRate.err());
        args[java.util.Arrays.asList(args).indexOf("0.1")] = "0.05";
        args[java.util.Arrays.asList(args).indexOf(SMALL)] = "xor:n=41";
        Cli otherData = Cli.run(concat(args, "--resume"));
        assertEquals(ExitCodes.BAD_INPUT, otherData.exitCode(), otherData.toString());
        assertTrue(otherData.err().contains("written by another run: the data (sha256 "), otherData.err());
        args[java.util.Arrays.asList(args).indexOf("xor:n=41")] = SMALL;
        args[java.util.Arrays.asList(args).indexOf("3")] = "4"; // --hidden 3 -> 4
        Cli otherNetwork = Cli.run(concat(args, "--resume"));
        assertEquals(ExitCodes.BAD_INPUT, otherNetwork.exitCode(), otherNetwork.toString());
        assertTrue(otherNetwork.err().contains("the checkpoint holds the network 'dense:3,tanh,dense:1' on input 2"),
                otherNetwork.err());
        assertTrue(Files.exists(Checkpoints.path(out)), "a refused resume leaves the checkpoint");
    }

    @Test
    void aScaffoldRunCountsItsAugmentedStepsAndSaysWhatItsRoundsDid() throws Exception {
        String[] common = {"train", SMALL, "--hidden", "3", "--optimizer", "gd", "--lr", "0.05", "--steps", "40",
            "--scaffold", "lambda"};
        JsonNode j = json(Cli.run(concat(common, "--json")));
        JsonNode s = j.get("scaffold");
        assertEquals(40, j.get("steps").asInt(), "the augmented rounds count: " + j);
        assertEquals(40, j.get("steps_this_run").asInt());
        assertEquals("40", j.get("provenance").get("steps_done").asText());
        int augmented = s.get("augmented_steps").asInt();
        assertEquals(j.get("provenance").get("scaffold_augmented_steps").asText(), Integer.toString(augmented));
        assertTrue(augmented > 0 && augmented <= 20, "half the budget at most: " + augmented);
        assertEquals(40 - augmented, s.get("fine_tune_steps").asInt());
        assertEquals("lambda", s.get("schedule").asText());
        assertEquals(s.get("lambdas").size(), s.get("max_contribution").size());
        double last = s.get("max_contribution").get(s.get("max_contribution").size() - 1).asDouble();
        assertEquals(last < s.get("tolerance").asDouble(), s.get("below_tolerance").asBoolean());
        assertTrue(j.get("stop_detail").asText().startsWith("fine-tune: "), j.get("stop_detail").asText());

        Cli text = Cli.run(concat(common, "-q"));
        assertTrue(text.out().contains("steps           40 (" + augmented + " augmented, " + (40 - augmented)
                + " fine-tune) with gd"), text.out());
        assertTrue(text.out().contains("scaffold        lambda: neuron dropped after "
                + s.get("lambdas").size() + " rounds (λ 1.00 → "), text.out());

        Path out = dir.resolve("counted.json");
        String[] args = concat(common, "--checkpoint-every", "3", "--out", out.toString());
        Main.execute(new PrintWriter(new StringWriter(), true),
                new PrintWriter(new CrashOnLine("train: 28/"), true), args);
        JsonNode resumed = json(Cli.run(concat(args, "--resume", "--json")));
        assertEquals(40, resumed.get("steps").asInt());
        assertEquals(40 - 27, resumed.get("steps_this_run").asInt(), "resumed from the checkpoint at step 27");
    }

    /** A stderr that fails (as a killed process would stop) when a progress line starts with a prefix. */
    private static final class CrashOnLine extends java.io.Writer {
        private final String prefix;
        private final StringBuilder seen = new StringBuilder();
        private boolean crashed;

        CrashOnLine(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            seen.append(buffer, offset, length);
            if (!crashed && seen.indexOf(prefix) >= 0) {
                crashed = true;
                throw new IllegalStateException("simulated crash at '" + prefix + "'");
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
