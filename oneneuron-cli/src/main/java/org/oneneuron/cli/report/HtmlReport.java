package org.oneneuron.cli.report;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oneneuron.study.Claim;
import org.oneneuron.study.ConfigurationSummary;
import org.oneneuron.study.PairedComparison;

/**
 * One self-contained HTML page: CSS inline, every image a base64 data URI, no network. Each image
 * records its naturalWidth in a data-natural-width attribute when it loads (0 on error), so a
 * headless browser's dumped DOM shows whether every image rendered.
 */
final class HtmlReport {

    private static final String CSS = "body{font-family:'DejaVu Sans',sans-serif;margin:2em;color:#222;"
            + "max-width:1100px}table{border-collapse:collapse;margin:1em 0;font-size:0.85em}"
            + "th,td{border:1px solid #bbb;padding:0.3em 0.5em;text-align:left;vertical-align:top}"
            + "th{background:#eee}td.supported{background:#e3f4e3}td.contradicted{background:#f8e0e0}"
            + "td.inconclusive{background:#f4f1dc}figure{margin:1.5em 0}figcaption{font-size:0.85em;"
            + "color:#444;max-width:720px}code{background:#f4f4f4;padding:0 0.2em}";

    private HtmlReport() {
    }

    /**
     * @param title    page title
     * @param sections the studies
     * @param pngs     figure id to PNG bytes
     */
    static String render(String title, List<ReportSection> sections, Map<String, byte[]> pngs) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title>\n<style>").append(CSS).append("</style>\n")
                .append("<script>function loaded(i){i.setAttribute('data-natural-width',String(i.naturalWidth));}")
                .append("function failed(i){i.setAttribute('data-natural-width','0');}</script>\n")
                .append("</head><body>\n<h1>").append(esc(title)).append("</h1>\n")
                .append("<p>Near zero means a final loss below 1e-2 (PAPER.md §5). Intervals are Wilson"
                        + " 95% intervals; paired comparisons use McNemar's exact test on runs that share"
                        + " a seed. Verdict words follow PAPER.md §9.</p>\n");
        for (ReportSection s : sections) {
            section(h, s, pngs);
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void section(StringBuilder h, ReportSection s, Map<String, byte[]> pngs) {
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
        h.append("</table>\n<h3>Configurations</h3>\n<table class=\"configurations\"><tr><th>variant"
                + "</th><th>runs</th><th>total loss near zero</th><th>network alone near zero</th>"
                + "<th>verdicts</th><th>median loss</th><th>median network-only loss</th>"
                + "<th>median held-out accuracy</th><th>s/run</th></tr>\n");
        for (ConfigurationSummary c : s.summary().configurations()) {
            h.append("<tr><td title=\"").append(esc(c.configKey())).append("\">").append(esc(c.neuron()))
                    .append("</td><td>").append(c.runs()).append("</td><td>")
                    .append(esc(c.nearZero().describe())).append("</td><td>")
                    .append(esc(c.networkOnlyNearZero().describe())).append("</td><td>")
                    .append(esc(c.verdictCounts().toString())).append("</td><td>")
                    .append(num(c.lossQuantiles().get(2))).append("</td><td>")
                    .append(num(c.networkOnlyQuantiles().get(2))).append("</td><td>")
                    .append(num(c.heldOutAccuracyQuantiles().get(2))).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", c.meanSeconds())).append("</td></tr>\n");
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
        for (FigureData f : s.figures()) {
            byte[] png = pngs.get(f.id());
            h.append("<figure id=\"fig-").append(esc(f.id())).append("\"><img alt=\"")
                    .append(esc(f.title())).append("\" width=\"").append(Charts.WIDTH)
                    .append("\" height=\"").append(Charts.HEIGHT).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png))
                    .append("\" onload=\"loaded(this)\" onerror=\"failed(this)\">\n<figcaption>")
                    .append(esc(f.caption())).append(" Data: <code>figures/").append(esc(f.id()))
                    .append(".csv</code>, <code>.json</code>, <code>.svg</code>.</figcaption></figure>\n");
        }
        h.append("</section>\n");
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
