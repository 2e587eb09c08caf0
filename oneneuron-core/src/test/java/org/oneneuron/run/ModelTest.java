package org.oneneuron.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.data.DataException;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.Shape;
import org.oneneuron.engine.Graph;
import org.oneneuron.eval.Metrics;
import org.oneneuron.io.ModelFile;
import org.oneneuron.loss.Losses;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.model.Architecture;
import org.oneneuron.model.Initializer;
import org.oneneuron.model.NetworkSpec;
import org.oneneuron.model.NeuronKind;
import org.oneneuron.train.TrainConfig;

class ModelTest {

    @TempDir
    Path dir;

    static final ClassifierConfig SMALL = ClassifierConfig.defaults().withHidden(List.of(4))
            .withTrain(TrainConfig.defaults().toBuilder().maxSteps(40).build());

    @Test
    void savedThenLoadedItScoresRowsBatchesAndDataSetsAlike() {
        Dataset wdbc = Datasets.wdbc();
        Model model = Classifier.fit(wdbc, SMALL.withHeldOut(0.25));
        Path file = dir.resolve("m.json");
        model.save(file);
        Model back = Model.load(file);
        assertEquals(model, back);
        double[] all = back.scores(wdbc);
        assertArrayEquals(model.scores(wdbc), all, 0.0);
        double[][] rows = new double[wdbc.n()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = java.util.Arrays.copyOfRange(wdbc.x(), i * wdbc.d(), (i + 1) * wdbc.d());
        }
        assertArrayEquals(all, back.scores(rows), 0.0);
        assertEquals(List.of("-1", "1"), back.labelNames(), "predictClass's example: the built-in wdbc's +1 is \"1\"");
        for (int i = 0; i < 20; i++) {
            assertEquals(all[i], back.score(rows[i]), 0.0);
            assertEquals(Metrics.label(all[i]), back.predict(rows[i]), 0.0);
            assertEquals(back.labelNames().get(all[i] >= 0 ? 1 : 0), back.predictClass(rows[i]));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> back.predict(new double[3]));
        assertTrue(e.getMessage().contains("expects 30 features"), e.getMessage());
    }

    @Test
    void scoringRawRowsBlockByBlockGivesTheBitsOfScoringOneStandardizedCopy() {
        Dataset blobs = Datasets.builtin("blobs:n=2500,d=6");
        Model model = Classifier.fit(blobs, SMALL, Scaffold.of(Scaffold.Mode.KEEP)); // keeps the neuron
        double[] z = model.standardizer().apply(blobs).x();
        double[] whole = new double[blobs.n()];
        double[] networkOnly = new double[blobs.n()];
        org.oneneuron.engine.Graph graph = new org.oneneuron.engine.Graph(model.spec());
        graph.scores(model.theta(), z, blobs.n(), whole);
        graph.networkScores(model.theta(), z, blobs.n(), networkOnly);
        assertTrue(blobs.n() > 2 * RawScores.BLOCK, "the data must span several blocks and a partial one");
        assertArrayEquals(whole, model.scores(blobs), 0.0);
        assertArrayEquals(networkOnly, model.networkScores(blobs), 0.0);
        assertTrue(!java.util.Arrays.equals(whole, networkOnly), "the neuron's term must show in f~");
    }

    /**
     * Calibration on the training part reads f~ from the float64 objective's value pass (which the
     * figures then reuse) instead of scoring the raw rows again: the same bits, at one and two
     * threads, with and without the neuron, for an MLP and a convolutional network.
     */
    @Test
    void theObjectivesScoresOnTheTrainingPartAreTheModelsScores() {
        Dataset blobs = Datasets.builtin("blobs:n=2500,d=6");
        for (int threads : new int[] {1, 2}) {
            for (Scaffold.Mode mode : new Scaffold.Mode[] {Scaffold.Mode.KEEP, Scaffold.Mode.LAMBDA}) {
                ClassifierConfig config = SMALL.withTrain(SMALL.train().toBuilder().threads(threads).build());
                Model model = Classifier.fit(blobs, config, Scaffold.of(mode));
                NetworkObjective objective = NetworkObjective.builder(model.spec(),
                        model.standardizer().apply(blobs)).lambda(1.0).threads(threads).build();
                assertArrayEquals(model.scores(blobs), objective.scores(model.theta()), 0.0, threads + " " + mode);
            }
        }
        Shape image = new Shape(2, 9, 9);
        NetworkSpec cnn = new NetworkSpec(image, Architecture.parse(
                "conv:3x3x3,relu,maxpool:2,conv:4x2x2:s2:p1,tanh,flatten,dense:5,relu,dense:1"), NeuronKind.SKIP_EXP);
        SplittableRandom random = new SplittableRandom(11);
        int n = 1500;
        double[] x = random.doubles(n * image.size(), -2, 2).toArray();
        double[] y = random.ints(n, 0, 2).mapToDouble(b -> 2 * b - 1).toArray();
        Dataset images = new Dataset("images", x, y, image.size(), null, List.of("-1", "+1")).withShape(image);
        double[] theta = Initializer.FAN_IN_UNIFORM.initialize(cnn.layout(), 5);
        double[] whole = new double[n];
        new Graph(cnn).scores(theta, x, n, whole); // what Model scores, block by block (test above)
        for (int threads : new int[] {1, 2}) {
            NetworkObjective objective = NetworkObjective.builder(cnn, images).lambda(1.0).threads(threads).build();
            assertArrayEquals(whole, objective.scores(theta), 0.0, threads + " threads");
        }
    }

    @Test
    void plattProbabilitiesRiseWithTheScoreAndLieInTheUnitInterval() {
        Dataset wdbc = Datasets.wdbc();
        Model model = Classifier.fit(wdbc, SMALL.withHeldOut(0.25));
        Calibration c = model.calibration().orElseThrow();
        assertEquals(Calibration.PLATT, c.method());
        assertEquals("held_out", c.fittedOn());
        assertEquals(model.split().orElseThrow().testIndices().length, c.samples());
        assertTrue(c.a() < 0, "P(+1) rises with f~: " + c);
        double[] s = model.scores(wdbc);
        double[] p = model.probabilities(wdbc);
        for (int i = 0; i < s.length; i++) {
            assertTrue(p[i] > 0 && p[i] < 1, "p = " + p[i]);
            for (int j = 0; j < 10; j++) {
                if (s[i] < s[j]) {
                    assertTrue(p[i] <= p[j]);
                }
            }
        }
    }

    @Test
    void aHeldOutPartWithoutTheRareClassCalibratesOnTheTrainingPart() {
        double[] x = new double[103];
        double[] y = new double[103];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < 100 ? -1 - i / 100.0 : 1 + i / 100.0;
            y[i] = i < 100 ? -1 : 1;
        }
        Dataset rare = new Dataset("rare", x, y, 1, null, List.of("no", "yes"));
        Model model = Classifier.fit(rare, SMALL.withHeldOut(0.1));
        assertEquals(10, model.split().orElseThrow().testIndices().length, "round(0.1·3) = 0 of the rare class");
        assertEquals("train", model.calibration().orElseThrow().fittedOn());
    }

    @Test
    void theLogisticLossGivesItsOwnProbabilities() {
        Dataset wdbc = Datasets.wdbc();
        Model model = Classifier.fit(wdbc, SMALL.withLoss(Losses.LOGISTIC));
        assertEquals(Calibration.LOGISTIC_LOSS, model.calibration().orElseThrow().method());
        double[] s = model.scores(wdbc);
        double[] p = model.probabilities(wdbc);
        for (int i = 0; i < s.length; i++) {
            assertEquals(1 / (1 + Math.exp(-s[i])), p[i], 1e-15);
        }
    }

    @Test
    void theRecordedSplitGivesTheTrainingAndTheHeldOutPart() {
        Dataset wdbc = Datasets.wdbc();
        Model model = Classifier.fit(wdbc, SMALL.withHeldOut(0.25));
        Dataset train = model.part(wdbc, HeldOutSplit.Part.TRAIN, "wdbc");
        Dataset test = model.part(wdbc, HeldOutSplit.Part.TEST, "wdbc");
        assertEquals(wdbc.n(), train.n() + test.n());
        assertEquals(Math.round(0.25 * 357) + Math.round(0.25 * 212), test.n());
        assertEquals(model.provenance().get("n_train"), Integer.toString(train.n()));
        TrainingData again = TrainingData.prepare(wdbc, SMALL.withHeldOut(0.25));
        assertArrayEquals(again.train().x(), train.x(), 0.0);
        assertArrayEquals(again.heldOut().orElseThrow().y(), test.y(), 0.0);
        Dataset other = new Dataset("other", wdbc.x().clone(), wdbc.y().clone(), 30, wdbc.featureNames(),
                wdbc.labelNames());
        other.x()[5] += 1;
        DataException e = assertThrows(DataException.class,
                () -> model.part(other, HeldOutSplit.Part.TEST, "other.csv"));
        assertTrue(e.getMessage().contains("other.csv") && e.getMessage().contains("--split all"),
                e.getMessage());
        Model whole = Classifier.fit(wdbc, SMALL);
        assertThrows(IllegalArgumentException.class, () -> whole.part(wdbc, HeldOutSplit.Part.TEST, "wdbc"));
    }

    @Test
    void aModelFileWithoutSplitOrCalibrationStillLoads() {
        Model model = Classifier.fit(Datasets.wdbc(), SMALL);
        ModelFile file = model.toFile();
        ModelFile old = new ModelFile(file.network(), file.parameters(), file.standardizer(),
                file.featureNames(), file.labelNames(), file.loss(), file.reduction(), file.lambda(),
                file.provenance());
        Model back = Model.fromFile(old, "old.json");
        assertEquals(Optional.empty(), back.split());
        assertEquals(Optional.empty(), back.calibration());
        assertArrayEquals(model.theta(), back.theta(), 0.0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> back.probability(new double[30]));
        assertTrue(e.getMessage().contains("calibratedOn"), e.getMessage());
        assertTrue(back.calibratedOn(Datasets.wdbc()).probability(new double[30]) > 0);
    }

    @Test
    void modelFilesAreWrittenWithTheUmasksPermissionsNotOwnerOnly() throws Exception {
        Path file = dir.resolve("perm.json");
        Classifier.fit(Datasets.wdbc(), SMALL).save(file);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            Path plain = Files.createFile(dir.resolve("plain.txt"));
            assertEquals(Files.getPosixFilePermissions(plain), perms,
                    "a model file gets what any new file gets under this umask");
        }
    }
}
