package org.oneneuron.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneneuron.study.StudyListener;
import org.oneneuron.study.StudyResult;
import org.oneneuron.study.StudyRunner;
import org.oneneuron.study.StudySpec;
import org.oneneuron.study.TrainerRunFunction;

/**
 * Opens a study report in headless Chromium over the DevTools protocol, as a reader would: every
 * table is there, every interactive chart draws (an SVG with shapes, no script error), moving the
 * mouse onto a point of each chart makes a tooltip element appear with a value in it, and the page
 * requests nothing outside the file (every request's URL is file: or data:). Keeps a screenshot
 * at target/report-screenshot.png. Skips without Chromium, except when CI=true.
 */
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** For chart i: scroll it into view and return the viewport position of one of its points. */
    private static final String POINT = "(function(i){var div=document.querySelectorAll('div.chart')[i];"
            + "div.scrollIntoView({block:'center'});var c=echarts.getInstanceByDom(div);var o=c.getOption();"
            + "for(var k=0;k<o.series.length;k++){var s=o.series[k];if(s.type!=='line'&&s.type!=='scatter')continue;"
            + "var d=(s.data||[]).filter(function(q){return q!==null&&q!==undefined;});if(!d.length)continue;"
            + "var q=d[Math.floor(d.length/2)];var v=q.value!==undefined?q.value:q;"
            + "var p=c.convertToPixel({seriesIndex:k},[v[0],v[1]]);var r=div.getBoundingClientRect();"
            + "if(p&&isFinite(p[0])&&isFinite(p[1]))return [r.left+p[0],r.top+p[1]];}return null;})";

    /** For chart i: the text of its visible tooltip element, or null. */
    private static final String TOOLTIP = "(function(i){var div=document.querySelectorAll('div.chart')[i];"
            + "var t=div.querySelector('.on-tooltip');if(!t)return null;var s=getComputedStyle(t);"
            + "return s.display!=='none'&&s.visibility!=='hidden'&&Number(s.opacity)>0?t.textContent:null;})";

    @TempDir
    Path dir;

    @Test
    void everyChartDrawsShowsValuesOnHoverAndNothingLeavesTheFile() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        if (ci) {
            assertTrue(Files.isExecutable(CHROMIUM), "CI=true needs " + CHROMIUM + " (see .ci/run)");
        }
        assumeTrue(Files.isExecutable(CHROMIUM), "no chromium at " + CHROMIUM);

        StudySpec spec = StudySpec.fromJson("{\"name\":\"browser\",\"data\":[\"wdbc\"],\"hidden\":[[3]],"
                + "\"neurons\":[\"none\",\"skip-exp\",\"per-layer-exp\"],\"restarts\":2,\"steps\":30,"
                + "\"optimizers\":[\"gd\"],\"learning_rate\":0.1,\"clip\":10,\"lambdas\":[0.1],\"seed\":7,"
                + "\"held_out_fraction\":0.25}", "test");
        TrainerRunFunction engine = new TrainerRunFunction();
        StudyResult result = new StudyRunner(engine, 2, Duration.ZERO, StudyListener.none())
                .run(spec, dir.resolve("study"));
        ReportSection study = StudyReport.withLandscapes(engine, "browser", "Browser test", "two restarts",
                "oneneuron report study", result);
        List<FigureData> withNarrow = new ArrayList<>(study.figures());
        withNarrow.add(narrowRange());
        ReportSection section = new ReportSection(study.id(), study.title(), study.description(),
                study.regenerate(), study.summary(), withNarrow, study.tables());
        List<String> kinds = section.figures().stream().map(FigureData::kind).distinct().toList();
        assertTrue(kinds.containsAll(List.of("line", "step", "box", "contour")), "kinds drawn: " + kinds);
        Path html = StudyReport.write(dir.resolve("report"), "Browser test", List.of(section));
        int figures = section.figures().size();

        try (DevTools chrome = DevTools.start(CHROMIUM, Files.createDirectories(dir.resolve("profile")))) {
            chrome.send("Network.enable", Map.of());
            chrome.send("Page.enable", Map.of());
            chrome.send("Page.navigate", Map.of("url", html.toUri().toString()));
            assertTrue(chrome.waitFor("document.readyState==='complete'&&document.body.hasAttribute('data-charts')",
                    Duration.ofSeconds(60)), "the page loaded and ran its script");
            assertTrue(chrome.waitFor("document.querySelectorAll('div.chart[data-rendered=true]').length===" + figures,
                    Duration.ofSeconds(60)), "every chart finished drawing: "
                    + chrome.eval("document.querySelectorAll('div.chart[data-rendered=true]').length") + " of " + figures);
            assertEquals(0, chrome.eval("document.querySelectorAll('div.chart[data-error]').length").asInt(),
                    "no chart failed");
            for (String table : List.of("claims", "configurations", "comparisons", "runs", "barriers")) {
                assertTrue(chrome.eval("document.querySelectorAll('table." + table + " tr').length>1").asBoolean(),
                        "table " + table);
            }
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < figures; i++) {
                String id = section.figures().get(i).id();
                int shapes = chrome.eval("document.querySelectorAll('div.chart')[" + i + "].querySelectorAll("
                        + "'svg path').length").asInt();
                assertTrue(shapes > 5, id + " draws shapes: " + shapes);
                JsonNode at = chrome.eval(POINT + "(" + i + ")");
                assertFalse(at == null || at.isNull(), id + " has a point to hover");
                // Hover, then wait for a tooltip holding a number, in one expression: a tooltip
                // seen by one call may already be hidden (an animation) when the next one reads it.
                String shown = "(t=>t!==null&&/\\d/.test(t))(" + TOOLTIP + "(" + i + "))";
                boolean seen = false;
                for (int attempt = 0; attempt < 3 && !seen; attempt++) {
                    chrome.moveMouse(at.get(0).asDouble() + 1 + attempt, at.get(1).asDouble() + 1);
                    chrome.moveMouse(at.get(0).asDouble(), at.get(1).asDouble());
                    seen = chrome.waitFor(shown, Duration.ofSeconds(5));
                }
                if (!seen) {
                    missing.add(id + " (last tooltip: " + chrome.eval(TOOLTIP + "(" + i + ")") + ")");
                }
            }
            assertTrue(missing.isEmpty(), "no tooltip appeared on hover in " + missing);

            // A y axis over 1e6 … 1e6 + 0.5 labels its ticks with the digits that tell them apart.
            JsonNode ticks = chrome.eval("Array.from(document.querySelectorAll('div.chart')[" + (figures - 1)
                    + "].querySelectorAll('svg text')).map(t=>t.textContent).filter(t=>Number(t)>=999999)");
            List<String> labels = new ArrayList<>();
            ticks.forEach(t -> labels.add(t.asText()));
            assertTrue(labels.size() >= 3, "tick labels near 1e6: " + labels);
            assertEquals(labels.size(), labels.stream().distinct().count(), "distinct tick labels: " + labels);

            List<String> urls = chrome.requestedUrls();
            assertFalse(urls.isEmpty(), "the page load itself is seen");
            for (String url : urls) {
                assertTrue(url.startsWith("file:") || url.startsWith("data:"), "a request left the file: " + url);
            }
            JsonNode shot = chrome.send("Page.captureScreenshot", Map.of("format", "png"));
            Path png = Path.of("target", "report-screenshot.png").toAbsolutePath();
            Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
            assertTrue(Files.size(png) > 10_000, "screenshot written to " + png);
        }
    }

    /** A line whose y values span 0.5 around 1e6: three significant digits would label every tick 1.00e+6. */
    private static FigureData narrowRange() {
        double[] x = new double[21];
        double[] y = new double[21];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = 1e6 + 0.025 * i;
        }
        return new FigureData("narrow_range", "A narrow range", "step", "value", "line", false, false,
                "values 1e6 + 0.025·i", List.of(new FigureData.Series("value", x, y, List.of())));
    }
}
