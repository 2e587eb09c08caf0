package org.oneneuron.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.data.csv.CSVLoader;

/**
 * The Tribuo trainer on three labels: K outputs with one special neuron each, the probabilities
 * and labels {@code oneneuron train} + {@code predict} give on the same file and seed, bit for bit,
 * and Tribuo's LabelEvaluator agreeing with {@code oneneuron evaluate}'s confusion matrix.
 */
class OneNeuronMulticlassTrainerTest {

    @TempDir
    static Path dir;

    static Path csv;

    static final List<String> KINDS = List.of("ant", "bee", "cat");

    /** Three overlapping blobs in three features named in sorted order (Tribuo's feature order). */
    @BeforeAll
    static void writeData() throws Exception {
        SplittableRandom rng = new SplittableRandom(11);
        double[][] centres = {{0, 0, 1}, {2.5, 0, 0}, {0, 2.5, -1}};
        StringBuilder text = new StringBuilder("a,b,c,kind\n");
        for (int i = 0; i < 120; i++) {
            int k = i % 3;
            text.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%s%n", centres[k][0] + rng.nextGaussian(),
                    centres[k][1] + rng.nextGaussian(), centres[k][2] + rng.nextGaussian(), KINDS.get(k)));
        }
        csv = Files.writeString(dir.resolve("kinds.csv"), text);
    }

    static MutableDataset<Label> tribuoData() throws Exception {
        return new MutableDataset<>(new CSVLoader<>(new LabelFactory()).loadDataSource(csv, "kind"));
    }

    @Test
    void probabilitiesAndLabelsEqualTheCommandLinesAndTheEvaluatorAgrees() throws Exception {
        MutableDataset<Label> data = tribuoData();
        OneNeuronClassificationModel model = new OneNeuronClassificationTrainer(new int[] {8}, "skip-exp", 150, 5)
                .train(data);
        assertEquals(KINDS, model.classes());
        assertTrue(model.generatesProbabilities(), "softmax cross-entropy gives probabilities");
        assertEquals(3, model.toOneNeuronModel().outputs());

        Path modelFile = dir.resolve("cli-model.json");
        Path scoresFile = dir.resolve("cli-scores.csv");
        OneNeuronClassificationTrainerTest.cli("train", csv.toString(), "--label", "kind", "--hidden", "8",
                "--neuron", "skip-exp", "--steps", "150", "--seed", "5", "--out",
                modelFile.toString(), "-q");
        OneNeuronClassificationTrainerTest.cli("predict", modelFile.toString(), csv.toString(), "--label", "kind",
                "--out", scoresFile.toString(), "-q");
        List<String> lines = Files.readAllLines(scoresFile);
        assertEquals("p_ant,p_bee,p_cat,label", lines.get(0));
        List<Prediction<Label>> predictions = model.predict(data);
        assertEquals(lines.size() - 1, predictions.size());
        for (int i = 0; i < predictions.size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            Prediction<Label> p = predictions.get(i);
            assertEquals(cells[3], p.getOutput().getLabel(), "label of row " + i);
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                double tribuo = p.getOutputScores().get(KINDS.get(k)).getScore();
                assertEquals(Double.parseDouble(cells[k]), tribuo, 0.0, "p_" + KINDS.get(k) + " of row " + i);
                sum += tribuo;
            }
            assertEquals(1.0, sum, 1e-12, "row " + i);
        }
        assertEquals(org.oneneuron.run.Model.load(modelFile).spec(), model.toOneNeuronModel().spec());

        LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, data);
        JsonNode cliFigures = new ObjectMapper().readTree(OneNeuronClassificationTrainerTest.cli("evaluate",
                modelFile.toString(), csv.toString(), "--label", "kind", "--json")[0]);
        assertEquals(cliFigures.get("accuracy").asDouble(), evaluation.accuracy(), 1e-15, evaluation.toString());
        assertTrue(evaluation.accuracy() > 0.8, evaluation.toString());
        var confusion = evaluation.getConfusionMatrix();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(cliFigures.get("confusion_matrix").get(r).get(c).asDouble(),
                        confusion.confusion(new Label(KINDS.get(c)), new Label(KINDS.get(r))), 0.0,
                        "predicted " + KINDS.get(c) + " for actual " + KINDS.get(r) + " (Tribuo: predicted, truth)");
            }
        }
    }

    @Test
    void theSquaredHingeGivesTemperedProbabilitiesAndTheModelSerializes() throws Exception {
        MutableDataset<Label> data = tribuoData();
        OneNeuronClassificationTrainer trainer = new OneNeuronClassificationTrainer(new int[] {4}, "skip-exp", 60, 2);
        setLoss(trainer, "multi-squared-hinge");
        OneNeuronClassificationModel model = trainer.train(data);
        assertTrue(model.generatesProbabilities(), "hinge scores under a fitted temperature are probabilities");
        assertEquals("multi-squared-hinge", model.toOneNeuronModel().loss().word());
        org.oneneuron.run.Calibration t = model.toOneNeuronModel().calibration().orElseThrow();
        assertEquals("temperature", t.method());
        assertEquals(data.size(), t.samples());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        OneNeuronClassificationModel copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (OneNeuronClassificationModel) in.readObject();
        }
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        model.predict(data).forEach(p -> a.add(p.getOutputScores().get("bee").getScore()));
        copy.predict(data).forEach(p -> b.add(p.getOutputScores().get("bee").getScore()));
        assertEquals(a, b);
        assertTrue(a.stream().allMatch(v -> v >= 0 && v <= 1), "probabilities: " + a.subList(0, 5));
        model.predict(data).forEach(p -> assertEquals(1.0, p.getOutputScores().values().stream()
                .mapToDouble(Label::getScore).sum(), 1e-12));
    }

    @Test
    void aLossThatDoesNotFitTheLabelsIsRefusedWithAReason() throws Exception {
        OneNeuronClassificationTrainer logistic = new OneNeuronClassificationTrainer(new int[] {2}, "skip-exp", 5, 1);
        setLoss(logistic, "logistic");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> logistic.train(tribuoData()));
        assertTrue(e.getMessage().contains("3 labels") && e.getMessage().contains("softmax-ce"), e.getMessage());
        OneNeuronClassificationTrainer softmax = new OneNeuronClassificationTrainer(new int[] {2}, "skip-exp", 5, 1);
        setLoss(softmax, "softmax-ce");
        List<String> rows = new ArrayList<>(List.of("x,y,label"));
        for (int i = 0; i < 12; i++) {
            rows.add(i + "," + (i * i % 7) + "," + "ab".charAt(i % 2));
        }
        Path twoLabels = Files.write(dir.resolve("two.csv"), rows);
        MutableDataset<Label> binary = new MutableDataset<>(new CSVLoader<>(new LabelFactory())
                .loadDataSource(twoLabels, "label"));
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class, () -> softmax.train(binary));
        assertTrue(two.getMessage().contains("margin loss"), two.getMessage());
        OneNeuronClassificationTrainer huber = new OneNeuronClassificationTrainer(new int[] {2}, "skip-exp", 5, 1);
        IllegalArgumentException regression = assertThrows(IllegalArgumentException.class, () -> setLoss(huber, "huber"));
        assertTrue(regression.getMessage().contains("regression"), regression.getMessage());
    }

    /** Sets the OLCUT-configured loss as a configuration file would, then re-checks. */
    private static void setLoss(OneNeuronClassificationTrainer trainer, String word) throws Exception {
        var field = OneNeuronClassificationTrainer.class.getDeclaredField("loss");
        field.setAccessible(true);
        field.set(trainer, word);
        trainer.postConfig();
    }
}
