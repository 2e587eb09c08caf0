package org.oneneuron.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;

/**
 * Sizes, fonts and colours of every static figure, set once: a 720 × 440 canvas, DejaVu Sans
 * (falls back to the JVM's sans-serif), title 14 px, axis labels 12 px, ticks and legend 11 px,
 * notes 10 px (regular and bold only: what fonts-dejavu-core has); the Okabe–Ito colours for series (distinct for colour-blind readers) with a dash
 * pattern each, so overlapping series stay apart in print; viridis for values on a grid.
 */
final class PaperStyle {

    static final int WIDTH = 720;
    static final int HEIGHT = 440;
    static final String FAMILY = "DejaVu Sans";

    static final Font TITLE = new Font(FAMILY, Font.BOLD, 14);
    static final Font LABEL = new Font(FAMILY, Font.PLAIN, 12);
    static final Font TICK = new Font(FAMILY, Font.PLAIN, 11);
    static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 11);
    static final Font NOTE = new Font(FAMILY, Font.PLAIN, 10);

    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color GRID = new Color(0xe4, 0xe4, 0xe4);
    static final Color FRAME = new Color(0x88, 0x88, 0x88);
    static final Color MISSING = new Color(0xd0, 0xd0, 0xd0);

    /** Okabe–Ito, without its yellow (too pale on white). */
    private static final Color[] SERIES = {
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9), new Color(0xE6, 0x9F, 0x00),
        new Color(0x00, 0x00, 0x00)};

    private static final float[][] DASHES = {null, {7f, 4f}, {2f, 3f}, {9f, 3f, 2f, 3f}};

    /** Key colours of matplotlib's viridis at 0, 1/8, …, 1. */
    private static final int[] VIRIDIS = {0x440154, 0x46327e, 0x365c8d, 0x277f8e, 0x1fa187,
        0x4ac16d, 0xa0da39, 0xd2e21b, 0xfde725};

    private PaperStyle() {
    }

    /** Colour of series k. */
    static Color series(int k) {
        return SERIES[k % SERIES.length];
    }

    /** Line of series k: 1.8 px, its own dash pattern. */
    static Stroke line(int k) {
        float[] dash = DASHES[k % DASHES.length];
        return dash == null ? new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** Viridis at f in [0, 1], linearly between its key colours. */
    static Color viridis(double f) {
        double x = Math.max(0, Math.min(1, f)) * (VIRIDIS.length - 1);
        int i = Math.min((int) x, VIRIDIS.length - 2);
        double w = x - i;
        int a = VIRIDIS[i];
        int b = VIRIDIS[i + 1];
        return new Color(mix(a >> 16, b >> 16, w), mix(a >> 8, b >> 8, w), mix(a, b, w));
    }

    /** Hex "#rrggbb" of a colour, for the interactive charts. */
    static String hex(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static int mix(int a, int b, double w) {
        return (int) Math.round((a & 0xff) * (1 - w) + (b & 0xff) * w);
    }
}
