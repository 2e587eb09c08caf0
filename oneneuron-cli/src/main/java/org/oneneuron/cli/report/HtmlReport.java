package org.oneneuron.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.oneneuron.study.Claim;
import org.oneneuron.study.ConfigurationSummary;
import org.oneneuron.study.PairedComparison;

/**
 * One self-contained HTML page that opens offline: CSS, Apache ECharts (from its webjar, with its
 * licence notice) and report.js inline, each figure's data as an inline JSON block drawn into an
 * interactive chart (zoom with the wheel or the toolbox, values on hover, series toggled in the
 * legend, points linked to the runs table). Nothing is fetched: no URL appears in the page.
 */
final class HtmlReport {

    private static final String WEBJAR = "META-INF/resources/webjars/echarts/";
    private static final String CSS = "body{font-family:'DejaVu Sans',sans-serif;margin:2em;color:#222;"
            + "max-width:1100px}table{border-collapse:collapse;margin:1em 0;font-size:0.85em}"
            + "th,td{border:1px solid #bbb;padding:0.3em 0.5em;text-align:left;vertical-align:top}"
            + "th{background:#eee;cursor:pointer}td.supported{background:#e3f4e3}td.contradicted{background:#f8e0e0}"
            + "td.inconclusive{background:#f4f1dc}figure{margin:1.5em 0}figcaption{font-size:0.85em;"
            + "color:#444;max-width:900px}code{background:#f4f4f4;padding:0 0.2em}"
            + "div.chart{width:900px;height:480px;border:1px solid #eee}p.notes{font-size:0.85em;color:#8a4b00}"
            + "tr[data-run]{cursor:pointer}tr.run-linked td{background:#ffe9a8}";

    private HtmlReport() {
    }

    /**
     * @param title    page title
     * @param sections the studies
     */
    static String render(String title, List<ReportSection> sections) {
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title>\n<style>").append(CSS).append("</style>\n");
        library(h);
        h.append("<script>").append(resource("report.js")).append("</script>\n")
                .append("</head><body>\n<h1>").append(esc(title)).append("</h1>\n")
                .append("<p>Near zero means a final loss below 1e-2 (PAPER.md §5). Intervals are Wilson"
                        + " 95% intervals; paired comparisons use McNemar's exact test on runs that share"
                        + " a seed. Verdict words follow PAPER.md §9. Charts: drag or scroll to zoom"
                        + " (the toolbox resets), hover for values, click a legend entry to hide its"
                        + " series, click a row of the runs table to find that run in the charts; click a"
                        + " column heading to sort. Each figure also exists as PNG, SVG and PDF under"
                        + " figures/.</p>\n");
        for (ReportSection s : sections) {
            section(h, s);
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    /** ECharts from its webjar, preceded by its licence notice (Apache-2.0, with d3's BSD notice). */
    private static void library(StringBuilder h) {
        Properties pom = new Properties();
        try (InputStream in = HtmlReport.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the ECharts webjar is not on the class path");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ECharts webjar", e);
        }
        String dir = WEBJAR + pom.getProperty("version") + "/";
        h.append("<!-- Apache ECharts ").append(pom.getProperty("version"))
                .append(", embedded so that this page works offline.\n")
                .append(raw(dir + "NOTICE").replace("--", "- -")).append("\n")
                .append(raw(dir + "LICENSE").replace("--", "- -")).append("\n-->\n<script>")
                .append(raw(dir + "dist/echarts.min.js").replace("</script", "<\\/script"))
                .append("</script>\n");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing report resource " + name, e);
        }
    }

    private static String raw(String path) {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path + " in the ECharts webjar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static void section(StringBuilder h, ReportSection s) {
        h.append("<section id=\"").append(esc(s.id())).append("\">\n<h2>").append(esc(s.title()))
                .append("</h2>\n<p>").append(esc(s.description())).append("</p>\n<p>Regenerate: <code>")
                .append(esc(s.regenerate())).append("</code></p>\n<h3>Claims</h3>\n")
                .append("<table class=\"claims\"><tr><th>scope</th><th>claim</th><th>evidence</th>"
                        + "<th>verdict</th></tr>\n");
        for (Claim c : s.summary().claims()) {
            h.append("<tr><td>").append(esc(c.scope())).append("</td><td>").append(esc(c.claim()))
                    .append("</td><td>").append(esc(c.evidence())).append("</td><td class=\"")
                    .append(esc(c.verdict())).append("\">").append(esc(c.verdict())).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"rule\">").append(esc(org.oneneuron.study.ClaimsRule.TEXT)).append("</p>\n");
        // a regression's runs have a held-out RMSE where a classifier's have an accuracy
        boolean rmse = s.summary().configurations().stream()
                .anyMatch(c -> Double.isFinite(c.heldOutRmseQuantiles().get(2)));
        h.append("<h3>Configurations</h3>\n<table class=\"configurations\"><tr><th>variant"
                + "</th><th>runs</th><th>total loss near zero</th><th>network alone near zero</th>"
                + "<th>verdicts</th><th>median loss</th><th>median network-only loss</th>"
                + (rmse ? "<th>median held-out RMSE</th>" : "<th>median held-out accuracy</th>")
                + "<th>s/run</th></tr>\n");
        for (ConfigurationSummary c : s.summary().configurations()) {
            h.append("<tr><td title=\"").append(esc(c.configKey())).append("\">").append(esc(c.neuron()))
                    .append("</td><td>").append(c.runs()).append("</td><td>")
                    .append(esc(c.nearZero().describe())).append("</td><td>")
                    .append(esc(c.networkOnlyNearZero().describe())).append("</td><td>")
                    .append(esc(c.verdictCounts().toString())).append("</td>");
            cell(h, c.lossQuantiles().get(2));
            cell(h, c.networkOnlyQuantiles().get(2));
            cell(h, (rmse ? c.heldOutRmseQuantiles() : c.heldOutAccuracyQuantiles()).get(2));
            h.append("<td>").append(String.format(Locale.ROOT, "%.3f", c.meanSeconds())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (!s.summary().comparisons().isEmpty()) {
            h.append("<h3>Paired comparisons</h3>\n<table class=\"comparisons\"><tr><th>variants</th>"
                    + "<th>criterion</th><th>pairs</th><th>both</th><th>only first</th>"
                    + "<th>only second</th><th>McNemar exact p</th></tr>\n");
            for (PairedComparison p : s.summary().comparisons()) {
                h.append("<tr><td>").append(esc(p.first() + " vs " + p.second())).append("</td><td>")
                        .append(esc(p.what())).append("</td><td>").append(p.pairs()).append("</td><td>")
                        .append(p.both()).append("</td><td>").append(p.onlyFirst()).append("</td><td>")
                        .append(p.onlySecond()).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.3g", p.pValue())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h3>Figures</h3>\n");
        for (FigureData figure : s.figures()) {
            figure(h, figure.mergeIdentical());
        }
        for (ReportTable t : s.tables()) {
            table(h, t);
        }
        h.append("</section>\n");
    }

    private static void figure(StringBuilder h, FigureData f) {
        String id = esc(f.id());
        h.append("<figure id=\"fig-").append(id).append("\"><h4>").append(esc(f.title())).append("</h4>\n")
                .append("<div class=\"chart\" data-figure=\"").append(id).append("\" role=\"img\" aria-label=\"")
                .append(esc(f.title())).append("\"></div>\n<script type=\"application/json\" id=\"data-")
                .append(id).append("\">");
        try {
            h.append(FigureFiles.compact(f).replace("</", "<\\/"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + f.id(), e);
        }
        h.append("</script>\n");
        if (!f.notes().isEmpty()) {
            h.append("<p class=\"notes\">").append(esc(String.join(" ", f.notes()))).append("</p>\n");
        }
        h.append("<figcaption>").append(esc(f.caption())).append(" Files: <code>figures/").append(id)
                .append(".png</code>, <code>.svg</code>, <code>.pdf</code>, <code>.csv</code>, <code>.json</code>."
                        + "</figcaption></figure>\n");
    }

    private static void table(StringBuilder h, ReportTable t) {
        h.append("<h3>").append(esc(t.title())).append("</h3>\n<table class=\"").append(esc(t.cssClass()))
                .append("\"><tr>");
        for (String c : t.header()) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr>\n");
        for (int r = 0; r < t.rows().size(); r++) {
            int run = t.runs().get(r);
            h.append(run >= 0 ? "<tr data-run=\"" + run + "\">" : "<tr>");
            for (String c : t.rows().get(r)) {
                h.append("<td>").append(esc(c)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void cell(StringBuilder h, double v) {
        h.append("<td data-v=\"").append(Double.isFinite(v) ? String.format(Locale.ROOT, "%.17g", v) : "")
                .append("\">").append(Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a")
                .append("</td>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
