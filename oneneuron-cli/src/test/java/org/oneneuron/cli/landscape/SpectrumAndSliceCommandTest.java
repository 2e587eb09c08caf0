package org.oneneuron.cli.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.cli.ExitCodes;

class SpectrumAndSliceCommandTest {

    @Test
    void spectrumOfTheAugmentedA1PointAgreesWithTheDenseSolve() throws Exception {
        Run r = Run.of("spectrum", "--construction", "A1", "--augmented", "--dense", "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode j = r.json();
        CertifyCommandTest.snakeCaseKeys(j);
        assertEquals(13, j.get("dimension").asInt(), "9 network parameters + w (2) + a + b");
        JsonNode lanczos = j.get("lanczos");
        JsonNode dense = j.get("dense");
        double norm = Math.max(Math.abs(dense.get("eig_min").asDouble()), Math.abs(dense.get("eig_max").asDouble()));
        assertEquals(dense.get("eig_min").asDouble(), lanczos.get("eig_min").asDouble(), 1e-9 * norm);
        assertEquals(dense.get("eig_max").asDouble(), lanczos.get("eig_max").asDouble(), 1e-9 * norm);
        assertTrue(lanczos.get("converged").asBoolean());
        for (String end : new String[] {"eig_min", "eig_max"}) {
            assertEquals(Math.abs(lanczos.get(end).asDouble()) >= lanczos.get(end + "_residual").asDouble(),
                    lanczos.get(end + "_resolved").asBoolean(), end);
        }
        assertTrue(lanczos.get("eig_min_resolved").asBoolean(), "A1's saddle curvature is far above round-off");
        JsonNode slq = j.get("slq");
        assertEquals(dense.get("trace").asDouble(), slq.get("trace").asDouble(),
                3 * slq.get("trace_standard_error").asDouble() + 1e-9);
        assertEquals(60, slq.get("density").size());
        assertTrue(dense.get("eig_min").asDouble() < 0, "the augmented A1 point is a saddle of L~");
    }

    /**
     * A Ritz value below its residual is noise, sign included (a Hessian with ‖H‖ ≈ 1e19 has
     * products accurate to ~1e3: Lanczos "converged" relative to ‖H‖ and printed λ_min = -256 with
     * residual 1044 where the dense solve gives -0.0138).
     */
    @Test
    void aRitzValueBelowItsResidualIsNotResolved() {
        assertFalse(SpectrumCommand.resolved(-256, 1044));
        assertTrue(SpectrumCommand.resolved(-256, 1e-9));
        assertTrue(SpectrumCommand.resolved(0.5, 0.5));
    }

    @Test
    void spectrumTextSaysWhetherLanczosConverged() {
        Run r = Run.of("spectrum", "--construction", "A2");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.out().contains("lanczos"), r.out());
        assertTrue(r.out().contains("converged"), r.out());
    }

    @Test
    void slicePlaneThroughPlainAugmentedEscapeWritesCsvAndJson(@TempDir Path dir) throws Exception {
        Run r = Run.of("slice", "--construction", "A1", "--plane", "plain,augmented,escape", "--grid", "9",
                "--steps", "2000", "--out", dir.toString(), "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        JsonNode j = r.json();
        assertEquals("plane", j.get("kind").asText());
        List<String> csv = Files.readAllLines(dir.resolve("slice.csv"));
        assertEquals("s,t,loss", csv.get(0));
        assertEquals(1 + 81, csv.size());
        JsonNode file = new ObjectMapper().readTree(dir.resolve("slice.json").toFile());
        CertifyCommandTest.snakeCaseKeys(file);
        assertEquals(9, file.get("loss").size());
        assertEquals("augmented", file.get("anchors").get(1).get("name").asText());
        double plainLoss = file.get("loss").get(2).get(2).asDouble();
        assertEquals(48 - 32 * Math.sqrt(2), plainLoss, 1e-9, "grid (-0.5..1.5, 9 points) has the plain point at (2, 2)");
        assertTrue(file.get("minimum").asDouble() < plainLoss);
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(Path.of(j.get("png").asText()).toFile());
        assertTrue(png.getWidth() > 0 && png.getHeight() > 0, "the contour plot is a readable PNG");
        assertTrue(Files.exists(dir.resolve("figures").resolve("slice.svg")));
    }

    @Test
    void spectrumNamesTheOptionOfABadStepCount() {
        for (String option : List.of("--lanczos-steps", "--slq-steps")) {
            Run r = Run.of("spectrum", "--construction", "A1", option, "0");
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
            assertTrue(r.err().contains(option + " must be >= 1, got 0"), r.err());
        }
        Run r = Run.of("spectrum", "--construction", "A1", "--probes", "1");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--probes must be >= 2, got 1"), r.err());
    }

    @Test
    void sliceRejectsAnUnknownPointName(@TempDir Path dir) {
        Run r = Run.of("slice", "--construction", "A1", "--line", "plain,nowhere", "--out", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--line needs 2 distinct names"), r.err());
    }

    @Test
    void randomPlaneAroundADeadReluPoint(@TempDir Path dir) throws Exception {
        Run r = Run.of("slice", "--construction", "dead-relu", "--hidden", "4", "--plane", "random", "--grid", "5",
                "--out", dir.toString(), "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals(26, Files.readAllLines(dir.resolve("slice.csv")).size());
        assertTrue(Files.size(dir.resolve("figures").resolve("slice.png")) > 0);
    }

    @Test
    void anExtentWhoseGridSpanOverflowsIsBadInput(@TempDir Path out) {
        // [-extent, 1 + extent] spans 1 + 2·extent: past the largest double every grid point was NaN,
        // and the slice stopped with exit 1 blaming θ[0]
        Run r = Run.of("slice", "--construction", "A1", "--line", "plain,escape", "--extent", "1e308",
                "--out", out.resolve("s").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("extent"), r.err());
        assertTrue(!Files.exists(out.resolve("s")), "nothing written");
    }
}
