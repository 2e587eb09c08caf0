package org.oneneuron.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.landscape.Slice;
import org.oneneuron.study.RunSpec;
import org.oneneuron.study.StudyListener;
import org.oneneuron.study.StudyResult;
import org.oneneuron.study.StudyRunner;
import org.oneneuron.study.StudySpec;
import org.oneneuron.study.TrainerRunFunction;

/**
 * Renders a report in headless Chromium and reads the DOM back: the tables exist and every image
 * loaded (the report's inline script writes naturalWidth into data-natural-width). Keeps a
 * screenshot at target/report-screenshot.png. Skips without Chromium, except when CI=true.
 */
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void everyTableAndImageRendersInHeadlessChromium() throws IOException, InterruptedException {
        boolean ci = "true".equals(System.getenv("CI"));
        if (ci) {
            assertTrue(Files.isExecutable(CHROMIUM), "CI=true needs " + CHROMIUM + " (see .ci/run)");
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "no chromium at " + CHROMIUM);

        StudySpec spec = StudySpec.fromJson("{\"name\":\"browser\",\"data\":[\"wdbc\"],\"hidden\":[[3]],"
                + "\"neurons\":[\"none\",\"skip-exp\"],\"restarts\":3,\"steps\":30,\"optimizers\":[\"gd\"],"
                + "\"learning_rate\":0.1,\"clip\":10,\"lambdas\":[0.1],\"seed\":7,\"held_out_fraction\":0.25}",
                "test");
        TrainerRunFunction engine = new TrainerRunFunction();
        StudyResult result = new StudyRunner(engine, 2, Duration.ZERO, StudyListener.none())
                .run(spec, dir.resolve("study"));
        RunSpec augmented = spec.expand().get(3);
        Slice slice = engine.slice(augmented, 9).orElseThrow();
        FigureData sliceFigure = StudyFigures.slice("browser", "run 3", slice, "oneneuron study ...");
        ReportSection section = StudyReport.section("browser", "Browser test", "three restarts",
                "oneneuron study --spec spec.json --out study", result, List.of(sliceFigure));
        assertEquals("heatmap", section.figures().get(section.figures().size() - 1).kind());
        Path html = StudyReport.write(dir.resolve("report"), "Browser test", List.of(section));
        String source = Files.readString(html);
        assertFalse(source.contains("http://") || source.contains("https://"), "no network references");
        int images = count(source, "<img ");
        assertTrue(images >= 8, "figures in the report (7 standard + slice): " + images);

        String dom = chromium(html, "--dump-dom");
        assertTrue(dom.contains("<table class=\"claims\">"), "claims table");
        assertTrue(dom.contains("<table class=\"configurations\">"), "configurations table");
        assertTrue(dom.contains("<table class=\"comparisons\">"), "comparisons table");
        Matcher m = Pattern.compile("data-natural-width=\"(\\d+)\"").matcher(dom);
        List<Integer> widths = new ArrayList<>();
        while (m.find()) {
            widths.add(Integer.parseInt(m.group(1)));
        }
        assertEquals(images, widths.size(), "every image reported its load");
        assertTrue(widths.stream().allMatch(w -> w == Charts.WIDTH), "natural widths " + widths);

        Path shot = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        chromium(html, "--screenshot=" + shot, "--window-size=1200,2400");
        assertTrue(Files.size(shot) > 10_000, "screenshot written to " + shot);
    }

    private String chromium(Path html, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--virtual-time-budget=5000"));
        command.addAll(List.of(args));
        command.add(html.toUri().toString());
        Path stdout = dir.resolve("chromium.out");
        Path stderr = dir.resolve("chromium.err");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done, "chromium finished within 120 s");
        assertEquals(0, p.exitValue(), "chromium exit code; stderr: " + Files.readString(stderr));
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
