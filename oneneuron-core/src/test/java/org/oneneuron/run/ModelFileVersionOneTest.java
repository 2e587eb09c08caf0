package org.oneneuron.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.data.ReadOptions;
import org.oneneuron.engine.Graph;
import org.oneneuron.io.ModelFile;
import org.oneneuron.linalg.PlainBlas;
import org.oneneuron.model.NetworkSpec;

/**
 * Model files of format version 1 (the first wave's MLPs) load as the same network and give the
 * scores the first-wave engine gave, bit for bit, on the back-end those scores were computed on:
 * the plain loops (test resources model-v1/, see its README). Other back-ends sum in another order
 * and differ in the last bits; docs/MODEL-FORMAT.md says so.
 */
class ModelFileVersionOneTest {

    @Test
    void versionOneFilesPredictBitIdenticallyOnThePlainBackEnd() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/model-v1/README.md").toURI()).getParent();
        Dataset raw = Datasets.resolve("wdbc", ReadOptions.defaults());
        for (String name : List.of("skip-exp-tanh", "no-skip-relu", "per-layer-exp-leaky_relu_0.1")) {
            Path file = dir.resolve(name + ".json");
            assertTrue(Files.readString(file).contains("\"format_version\" : 1"), name);
            Model model = Model.load(file);
            NetworkSpec spec = model.spec();
            assertTrue(spec.isMlp(), name);
            List<String> lines = Files.readAllLines(dir.resolve(name + ".scores.csv"));
            double[] want = new double[raw.n()];
            double[] wantNet = new double[raw.n()];
            for (int i = 0; i < raw.n(); i++) {
                String[] cells = lines.get(i + 1).split(",");
                want[i] = Double.parseDouble(cells[0]);
                wantNet[i] = Double.parseDouble(cells[1]);
            }
            double[] x = model.standardizer().transform(raw.x());
            Graph graph = new Graph(spec, PlainBlas.INSTANCE);
            double[] got = new double[raw.n()];
            double[] gotNet = new double[raw.n()];
            graph.scores(model.theta(), x, raw.n(), got);
            graph.networkScores(model.theta(), x, raw.n(), gotNet);
            assertArrayEquals(want, got, 0.0, name + ": f~");
            assertArrayEquals(wantNet, gotNet, 0.0, name + ": f");
            assertEquals(2, ModelFile.FORMAT_VERSION, "the library writes version 2");
        }
    }

    /** The promise in docs/MODEL-FORMAT.md names the condition the test above runs under. */
    @Test
    void theFormatDocumentNamesThePlainBackEndOfTheStoredScores() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "MODEL-FORMAT.md")).replaceAll("\\s+", " ");
        assertTrue(doc.contains("predicts bit-identically to the version-1 engine on the plain back-end"
                + " (`--blas plain`, `PlainBlas`)"), "docs/MODEL-FORMAT.md, Version 1 still works");
    }
}
