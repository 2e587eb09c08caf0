package org.oneneuron.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.oneneuron.landscape.PcaPlane;
import org.oneneuron.landscape.Slice;
import org.oneneuron.landscape.SliceConfig;
import org.oneneuron.landscape.SliceValue;
import org.oneneuron.landscape.Slices;
import org.oneneuron.landscape.TrajectoryPca;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.study.JournalEntry;
import org.oneneuron.study.StudyResult;
import org.oneneuron.study.ThetaPath;
import org.oneneuron.study.TrainerRunFunction;

/**
 * The landscape pictures of a study, drawn from the journal's θ paths (nothing is trained
 * again; the runs' objectives are only evaluated): the plane through the first augmented run's
 * start, end and network alone with its path; the trajectory PCA planes of the first plain and
 * the first augmented run (loss, and for the augmented run the network-only loss); and, through
 * {@link ConnectivityFigures}, the mode connectivity of pairs of runs.
 */
public final class StudyLandscapes {

    /** Points per axis of the study's landscape grids. */
    static final int GRID = 21;

    /**
     * The figures and tables, and remarks on what could not be drawn.
     *
     * @param figures figures
     * @param tables  tables
     * @param missing why a picture is absent (e.g. a journal without θ paths)
     */
    public record Pictures(List<FigureData> figures, List<ReportTable> tables, List<String> missing) {
    }

    private StudyLandscapes() {
    }

    /** Every landscape picture of the study. */
    public static Pictures of(TrainerRunFunction function, StudyResult result, String prefix, String regenerate) {
        List<FigureData> figures = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<JournalEntry> withPath = result.entries().stream()
                .filter(e -> e.outcome().thetaPath().size() >= 3).toList();
        if (withPath.isEmpty()) {
            missing.add("The journal keeps no θ path (written before paths were recorded): the landscape"
                    + " slice, trajectory PCA and mode connectivity need one; re-run the study into a new"
                    + " directory to get them.");
            return new Pictures(figures, List.of(), missing);
        }
        String how = " Regenerate: " + regenerate;
        Optional<JournalEntry> augmented = withPath.stream().filter(e -> e.run().augmented()).findFirst();
        Optional<JournalEntry> plain = withPath.stream().filter(e -> !e.run().augmented()).findFirst();
        augmented.ifPresent(e -> slice(function, e, prefix, how).ifPresent(figures::add));
        plain.ifPresent(e -> pca(function, e, prefix + "_pca_plain", false, how, figures, missing));
        augmented.ifPresent(e -> pca(function, e, prefix + "_pca", true, how, figures, missing));
        ConnectivityFigures.Connected c = ConnectivityFigures.of(function, withPath, prefix, how);
        figures.addAll(c.figures());
        missing.addAll(c.missing());
        return new Pictures(figures, c.tables(), missing);
    }

    static String label(JournalEntry e) {
        return "run " + e.runIndex() + " (" + e.run().neuron() + ", restart " + e.run().restart() + ", verdict "
                + e.outcome().verdict() + ")";
    }

    /** The plane through start (0, 0), end (1, 0) and end with a = 0 (0, 1), the path drawn on it. */
    private static Optional<FigureData> slice(TrainerRunFunction function, JournalEntry e, String prefix, String how) {
        NetworkObjective objective = function.objective(e.run());
        double[] start = function.start(e.run());
        ThetaPath path = e.outcome().thetaPath();
        double[] end = path.end();
        double[] alone = end.clone();
        alone[objective.layout().neuronAOffset()] = 0;
        Slice slice;
        try {
            slice = Slices.planeThrough(objective, new double[][] {start, end, alone},
                    List.of("start", "end", "network alone"), SliceConfig.defaults().withGrid(GRID));
        } catch (IllegalArgumentException collinear) {
            return Optional.empty();
        }
        double[][] st = project(path, start, end, alone);
        FigureData.Series trajectory = new FigureData.Series("training path (projected)", st[0], st[1], List.of());
        return Optional.of(SlicePlot.figure(prefix + "_slice", "Loss on the plane start / end / network alone",
                "s (start 0 → end 1)", "t (end → network alone at 1)", slice, "loss L~",
                "Loss of " + label(e) + " on the plane through its start (0, 0), its end (1, 0) and its end"
                        + " with a = 0, i.e. the network alone (0, 1); the training path is drawn as its"
                        + " least-squares projection on the plane; " + slice.nonFinite()
                        + " grid points not finite (grey)." + how, List.of(trajectory)));
    }

    /**
     * What the grid cannot show: when the grid point nearest the path's end (the origin) holds a
     * loss more than twice or less than half the end's own (a valley narrower than the grid's
     * spacing), a sentence giving both, else "".
     */
    static String resolution(Slice slice, double endLoss) {
        double[] s = slice.s();
        double[] t = slice.t();
        int ni = 0;
        int nj = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < t.length; j++) {
                if (Math.hypot(s[i], t[j]) < Math.hypot(s[ni], t[nj])) {
                    ni = i;
                    nj = j;
                }
            }
        }
        double nearest = slice.at(ni, nj);
        if (!(Double.isFinite(endLoss) && Double.isFinite(nearest) && endLoss > 0
                && (nearest > 2 * endLoss || nearest < endLoss / 2))) {
            return "";
        }
        return " The " + s.length + " × " + t.length + " grid shows the loss at its points only: nearest the"
                + " path's end it is " + Axis.round(nearest) + ", while the end itself has loss " + Axis.round(endLoss)
                + " (a valley narrower than the grid's spacing), so the band around the end reads "
                + (nearest > endLoss ? "high." : "low.");
    }

    /** Least-squares (s, t) of each path point in p0 + s·(p1 − p0) + t·(p2 − p0). */
    static double[][] project(ThetaPath path, double[] p0, double[] p1, double[] p2) {
        int n = p0.length;
        double[] u = new double[n];
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            u[j] = p1[j] - p0[j];
            v[j] = p2[j] - p0[j];
        }
        double uu = dot(u, u);
        double uv = dot(u, v);
        double vv = dot(v, v);
        double det = uu * vv - uv * uv;
        double[][] st = new double[2][path.size()];
        for (int k = 0; k < path.size(); k++) {
            double[] d = path.theta(k);
            for (int j = 0; j < n; j++) {
                d[j] -= p0[j];
            }
            double du = dot(d, u);
            double dv = dot(d, v);
            st[0][k] = (vv * du - uv * dv) / det;
            st[1][k] = (uu * dv - uv * du) / det;
        }
        return st;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Trajectory PCA of one run: the loss (and network-only loss) on its plane, the path on top. */
    private static void pca(TrainerRunFunction function, JournalEntry e, String id, boolean networkOnly, String how,
                            List<FigureData> figures, List<String> missing) {
        ThetaPath path = e.outcome().thetaPath();
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k < path.size(); k++) {
            points.add(path.theta(k));
        }
        PcaPlane plane;
        try {
            plane = TrajectoryPca.of(points);
        } catch (IllegalArgumentException degenerate) {
            missing.add("No trajectory PCA for " + label(e) + ": " + degenerate.getMessage() + ".");
            return;
        }
        NetworkObjective objective = function.objective(e.run());
        String explained = String.format(Locale.ROOT, "%.1f%% + %.1f%%", 100 * plane.explained1(),
                100 * plane.explained2());
        String axes = String.format(Locale.ROOT, "PC1 (%.1f%%)", 100 * plane.explained1());
        String axes2 = String.format(Locale.ROOT, "PC2 (%.1f%%)", 100 * plane.explained2());
        FigureData.Series trajectory = new FigureData.Series("training path", plane.x(), plane.y(), List.of());
        SliceConfig config = SliceConfig.defaults().withGrid(GRID);
        String what = "The plane of the two principal directions of " + label(e) + "'s " + path.size()
                + " recorded θ (steps " + path.steps()[0] + " to " + path.steps()[path.size() - 1]
                + ", centred differences from the end point, as loss-landscape computes it); they explain "
                + explained + " of the trajectory's variance. The end point is the origin.";
        Slice loss = Slices.trajectoryPlane(objective, plane, config, SliceValue.LOSS);
        figures.add(SlicePlot.figure(id + "_loss", "Trajectory PCA: loss of " + e.run().neuron() + " run "
                + e.runIndex() + " (" + explained + ")", axes, axes2, loss, "loss L~",
                what + resolution(loss, e.outcome().loss()) + how, List.of(trajectory)));
        if (networkOnly && objective.neuron(plane.origin()).isPresent()) {
            Slice alone = Slices.trajectoryPlane(objective, plane, config, SliceValue.NETWORK_ONLY);
            figures.add(SlicePlot.figure(id + "_network_only", "Trajectory PCA: network-only loss of run "
                    + e.runIndex() + " (" + explained + ")", axes, axes2, alone, "network-only loss",
                    what + " Colours: the loss of the network alone (a = 0) on the same plane: where it stays high"
                            + " while the total loss falls, the neuron carries the fit." + how, List.of(trajectory)));
        }
    }
}
