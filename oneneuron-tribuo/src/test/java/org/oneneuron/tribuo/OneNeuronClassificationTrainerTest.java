package org.oneneuron.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.cli.Main;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.ReadOptions;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.data.csv.CSVLoader;

/**
 * The Tribuo trainer on a Tribuo dataset (WDBC read by Tribuo's CSVLoader), judged by Tribuo's
 * LabelEvaluator, gives the predictions {@code oneneuron train} + {@code oneneuron predict} give on
 * the same file and seed, bit for bit (three or more labels: {@link OneNeuronMulticlassTrainerTest}).
 */
class OneNeuronClassificationTrainerTest {

    @TempDir
    static Path dir;

    static Path csv;

    /**
     * WDBC written with its columns in sorted name order, which is the order Tribuo numbers
     * features in, so the CLI (file order) and Tribuo (id order) see the same matrix.
     */
    @BeforeAll
    static void writeData() throws Exception {
        org.oneneuron.data.Dataset wdbc = Datasets.resolve("wdbc", ReadOptions.defaults());
        TreeMap<String, Integer> sorted = new TreeMap<>();
        for (int j = 0; j < wdbc.d(); j++) {
            sorted.put(wdbc.featureNames().get(j), j);
        }
        StringBuilder text = new StringBuilder(String.join(",", sorted.keySet())).append(",diagnosis\n");
        for (int i = 0; i < wdbc.n(); i++) {
            for (int j : sorted.values()) {
                text.append(wdbc.x(i, j)).append(',');
            }
            text.append(wdbc.labelNames().get(wdbc.y()[i] > 0 ? 1 : 0)).append('\n');
        }
        csv = Files.writeString(dir.resolve("wdbc-sorted.csv"), text);
    }

    static MutableDataset<Label> tribuoData() throws Exception {
        return new MutableDataset<>(new CSVLoader<>(new LabelFactory()).loadDataSource(csv, "diagnosis"));
    }

    static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(0, code, String.join(" ", args) + "\n" + err);
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void predictionsEqualTheCommandLinesOnTheSameDataAndSeed() throws Exception {
        MutableDataset<Label> data = tribuoData();
        assertEquals(List.of(Files.readAllLines(csv).get(0).replace(",diagnosis", "").split(",")),
                TribuoRows.names(data.getFeatureIDMap()), "Tribuo's feature order is the file's");

        OneNeuronClassificationTrainer trainer = new OneNeuronClassificationTrainer(new int[] {8}, "skip-exp", 150, 5);
        OneNeuronClassificationModel model = trainer.train(data);

        Path modelFile = dir.resolve("cli-model.json");
        Path scoresFile = dir.resolve("cli-scores.csv");
        cli("train", csv.toString(), "--label", "diagnosis", "--hidden", "8", "--neuron", "skip-exp",
                "--steps", "150", "--seed", "5", "--out", modelFile.toString(), "-q");
        cli("predict", modelFile.toString(), csv.toString(), "--label", "diagnosis", "--out", scoresFile.toString(), "-q");
        List<String> lines = Files.readAllLines(scoresFile);

        List<Prediction<Label>> predictions = model.predict(data);
        assertEquals(data.size(), predictions.size());
        assertEquals(lines.size() - 1, predictions.size());
        for (int i = 0; i < predictions.size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            double cliProbability = Double.parseDouble(cells[2]);
            Prediction<Label> p = predictions.get(i);
            assertEquals(cells[1], p.getOutput().getLabel(), "label of row " + i);
            assertTrue(p.hasProbabilities(), "row " + i);
            assertEquals(cliProbability, p.getOutputScores().get(model.positiveLabel()).getScore(), 0.0,
                    "P(+1) of row " + i);
            assertEquals(1 - cliProbability, p.getOutputScores().get(model.negativeLabel()).getScore(), 0.0,
                    "P(-1) of row " + i);
        }
        assertEquals("score,label,probability", lines.get(0));
        assertEquals(org.oneneuron.run.Model.load(modelFile).calibration(), model.toOneNeuronModel().calibration(),
                "Platt scaling fitted on the same training rows");
        assertEquals(org.oneneuron.run.Model.load(modelFile).spec(), model.toOneNeuronModel().spec());
        assertEquals(org.oneneuron.model.NeuronKind.NONE, model.toOneNeuronModel().spec().neuron(),
                "train's default: the neuron is a scaffold, gone from the shipped model");
        assertEquals("lambda", model.getProvenance().getInstanceProvenance().getMap().get("scaffold").toString()
                .replaceAll(".*=", "").trim());

        LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, data);
        assertTrue(evaluation.AUCROC(new Label(model.positiveLabel())) > 0.95, "probabilities rank: " + evaluation);
        long correct = 0;
        for (int i = 0; i < data.size(); i++) {
            if (lines.get(i + 1).split(",")[1].equals(data.getExample(i).getOutput().getLabel())) {
                correct++;
            }
        }
        assertEquals((double) correct / data.size(), evaluation.accuracy(), 1e-15, evaluation.toString());
        assertTrue(evaluation.accuracy() > 0.95, evaluation.toString());
    }

    @Test
    void modelsCarryTribuoProvenanceAndSerialize() throws Exception {
        MutableDataset<Label> data = tribuoData();
        OneNeuronClassificationTrainer trainer = new OneNeuronClassificationTrainer(new int[] {4}, "none", 30, 2);
        OneNeuronClassificationModel model = trainer.train(data);
        var provenance = model.getProvenance();
        assertEquals(OneNeuronClassificationTrainer.class.getName(), provenance.getTrainerProvenance().getClassName());
        var configured = provenance.getTrainerProvenance().getConfiguredParameters();
        assertEquals("2", configured.get("seed").toString().replaceAll(".*=", "").trim(), configured.toString());
        assertTrue(configured.containsKey("neuron") && configured.containsKey("hidden"), configured.toString());
        Map<String, ?> instance = provenance.getInstanceProvenance().getMap();
        assertTrue(instance.containsKey("blas") && instance.containsKey("steps_done"), instance.toString());
        assertTrue(provenance.getDatasetProvenance().getNumExamples() == data.size());
        assertEquals(1, trainer.getInvocationCount());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        Model<?> back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Model<?>) in.readObject();
        }
        OneNeuronClassificationModel copy = (OneNeuronClassificationModel) back;
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        model.predict(data).forEach(p -> a.add(p.getOutputScores().get(model.positiveLabel()).getScore()));
        copy.predict(data).forEach(p -> b.add(p.getOutputScores().get(copy.positiveLabel()).getScore()));
        assertEquals(a, b);
        assertEquals(4, model.getTopFeatures(4).get(Model.ALL_OUTPUTS).size());
    }

    @Test
    void keepingTheNeuronIsAnExplicitChoiceThatWarns() throws Exception {
        MutableDataset<Label> data = tribuoData();
        List<java.util.logging.LogRecord> records = new ArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(OneNeuronClassificationTrainer.class.getName());
        log.addHandler(capture);
        try {
            OneNeuronClassificationTrainer trainer = new OneNeuronClassificationTrainer(new int[] {4}, "skip-exp", 60, 3);
            assertEquals(org.oneneuron.model.NeuronKind.NONE, trainer.train(data).toOneNeuronModel().spec().neuron());
            assertTrue(records.isEmpty(), "the default warns about nothing: " + records);
            OneNeuronClassificationTrainer keep = new OneNeuronClassificationTrainer(new int[] {4}, "skip-exp", 60, 3)
                    .scaffold("keep");
            OneNeuronClassificationModel kept = keep.train(data);
            assertEquals(org.oneneuron.model.NeuronKind.SKIP_EXP, kept.toOneNeuronModel().spec().neuron());
            assertEquals(1, records.size(), records.toString());
            assertTrue(records.get(0).getMessage().contains("keeps its special neuron (scaffold keep)"),
                    records.get(0).getMessage());
        } finally {
            log.removeHandler(capture);
        }
        assertThrows(IllegalArgumentException.class,
                () -> new OneNeuronClassificationTrainer(new int[] {2}, "skip-exp", 5, 1).scaffold("sometimes"));
    }

    @Test
    void anUnknownNeuronIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new OneNeuronClassificationTrainer(new int[] {2}, "sideways", 5, 1));
    }
}
