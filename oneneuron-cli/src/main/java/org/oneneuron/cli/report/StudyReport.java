package org.oneneuron.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.oneneuron.io.AtomicFiles;
import org.oneneuron.study.Claim;
import org.oneneuron.study.StudyResult;
import org.oneneuron.study.StudySummary;

/**
 * Writes a study report into a directory: report.html (self-contained, interactive), summary.json,
 * claims.csv and figures/ (PNG, SVG, PDF, JSON and CSV of every figure).
 */
public final class StudyReport {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private StudyReport() {
    }

    /** A report section for a finished study. */
    public static ReportSection section(String id, String title, String description,
                                        String regenerate, StudyResult result) {
        return section(id, title, description, regenerate, result, List.of());
    }

    /** A report section with extra figures (e.g. a landscape slice) after the standard ones. */
    public static ReportSection section(String id, String title, String description,
                                        String regenerate, StudyResult result, List<FigureData> extra) {
        return section(id, title, description, regenerate, result, extra, List.of());
    }

    /**
     * A report section: the standard figures (ECDFs, curves, spread), the road to infinity of the
     * escaping augmented runs ({@link RoadFigures}: figures and a rates table, when there are
     * any), each output's neuron for K-output models ({@link OutputNeuronFigures}, when there are
     * any), the extra ones, the runs table (linked to the charts' points) and the extra tables.
     */
    public static ReportSection section(String id, String title, String description, String regenerate,
                                        StudyResult result, List<FigureData> extra, List<ReportTable> tables) {
        StudySummary summary = StudySummary.of(result.entries());
        List<FigureData> figures = new java.util.ArrayList<>(
                StudyFigures.of(id, result.entries(), summary.configurations(), regenerate));
        figures.addAll(RoadFigures.figures(id, result.entries(), regenerate));
        figures.addAll(OutputNeuronFigures.figures(id, result.entries(), summary.configurations(), regenerate));
        figures.addAll(extra);
        List<ReportTable> all = new java.util.ArrayList<>(tables);
        ReportTable road = RoadFigures.table(result.entries());
        if (!road.rows().isEmpty()) {
            all.add(road);
        }
        ReportTable outputs = OutputNeuronFigures.table(result.entries(), summary.configurations());
        if (!outputs.rows().isEmpty()) {
            all.add(outputs);
        }
        all.add(StudyFigures.runsTable(result.entries()));
        return new ReportSection(id, title, description, regenerate, summary, figures, all);
    }

    /**
     * A full report section: the standard figures and tables plus the landscape pictures drawn
     * from the journal's θ paths (slice, trajectory PCA, mode connectivity), with a remark in the
     * description for any picture that could not be drawn.
     */
    public static ReportSection withLandscapes(org.oneneuron.study.TrainerRunFunction function, String id,
                                               String title, String description, String regenerate,
                                               StudyResult result) {
        StudyLandscapes.Pictures p = StudyLandscapes.of(function, result, id, regenerate);
        String text = p.missing().isEmpty() ? description : description + " " + String.join(" ", p.missing());
        return section(id, title, text, regenerate, result, p.figures(), p.tables());
    }

    /**
     * Writes the report, each file through {@link AtomicFiles} (the figures first, then
     * report.html, summary.json, claims.csv); returns the path of report.html.
     *
     * @throws org.oneneuron.io.WriteFailedException when a file cannot be written: that file is
     *                                               unchanged, those before it are new
     */
    public static Path write(Path dir, String title, List<ReportSection> sections) {
        try {
            Files.createDirectories(dir);
            for (ReportSection s : sections) {
                for (FigureData f : s.figures()) {
                    FigureFiles.write(f, dir.resolve("figures"));
                }
            }
            Path html = dir.resolve("report.html");
            AtomicFiles.writeString(html, HtmlReport.render(title, sections));
            ObjectNode summary = JSON.createObjectNode();
            summary.put("title", title);
            ArrayNode list = summary.putArray("sections");
            StringBuilder csv = new StringBuilder("section,scope,claim,evidence,verdict\n");
            for (ReportSection s : sections) {
                ObjectNode node = list.addObject();
                node.put("id", s.id());
                node.put("title", s.title());
                node.put("regenerate", s.regenerate());
                node.set("summary", finite(JSON.valueToTree(s.summary())));
                for (Claim c : s.summary().claims()) {
                    csv.append(String.join(",", quote(s.id()), quote(c.scope()), quote(c.claim()),
                            quote(c.evidence()), quote(c.verdict()))).append('\n');
                }
            }
            AtomicFiles.writeString(dir.resolve("summary.json"), JSON.writeValueAsString(summary) + "\n");
            AtomicFiles.writeString(dir.resolve("claims.csv"), csv.toString());
            return html;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir + ": "
                    + org.oneneuron.io.WriteFailedException.reason(e), e);
        }
    }

    /** The claims as a plain-text table for a terminal. */
    public static String claimsText(List<ReportSection> sections) {
        StringBuilder out = new StringBuilder();
        for (ReportSection s : sections) {
            out.append(s.title()).append('\n');
            for (Claim c : s.summary().claims()) {
                out.append(String.format(java.util.Locale.ROOT, "  %-13s %s%n  %13s %s%n",
                        c.verdict(), c.claim(), "", c.evidence()));
            }
        }
        if (!sections.isEmpty()) {
            out.append(org.oneneuron.study.ClaimsRule.TEXT).append('\n');
        }
        return out.toString();
    }

    /**
     * The tree with every non-finite number (NaN, ±Inf) replaced by null, as docs/JSON.md promises
     * (the mapper would write NaN as the string "NaN").
     */
    static JsonNode finite(JsonNode node) {
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            return NullNode.getInstance();
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(finite(e.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, finite(array.get(i)));
            }
        }
        return node;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
