package org.oneneuron.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One axis: its range, linear or logarithmic, the map to pixels and readable ticks. Linear ticks
 * are 1, 2 or 5 × 10^k apart, about six of them, labelled with just the digits their spacing
 * needs (never two alike), whole numbers on an axis of whole-number values; logarithmic ticks
 * sit on whole decades (every k-th when there are many), labelled 10ⁿ.
 */
final class Axis {

    /** A tick: its value and label. */
    record Tick(double value, String label) {
    }

    private final double low;
    private final double high;
    private final boolean log;
    private final boolean integer;

    private Axis(double low, double high, boolean log, boolean integer) {
        this.low = low;
        this.high = high;
        this.log = log;
        this.integer = integer;
    }

    /**
     * An axis covering the finite values (positive ones when log), padded by 4 % on linear
     * axes when {@code pad}; a log axis reaches whole decades around the values and at least 4 %
     * of its span beyond them, so no value sits on the frame. Whole-number values (steps, counts)
     * get whole-number ticks. [0, 1] (or [1, 10]) when there are none.
     */
    static Axis covering(double[] values, boolean log, boolean pad) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        for (double v : values) {
            if (Double.isFinite(v) && (!log || v > 0)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                whole &= v == Math.rint(v);
            }
        }
        if (lo > hi) {
            return new Axis(0, 1, log, false);
        }
        if (log) {
            double a = Math.log10(lo);
            double b = Math.log10(hi);
            double p = 0.04 * Math.max(b - a, 1);
            double from = Math.min(Math.floor(a + 1e-9), a - p);
            return new Axis(from, Math.max(Math.max(Math.ceil(b - 1e-9), b + p), from + 1), true, false);
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double w = Math.max(Math.abs(hi) * 0.1, 0.5);
            return new Axis(lo - w, hi + w, false, whole);
        }
        double p = pad ? 0.04 * (hi - lo) : 0;
        return new Axis(lo - p, hi + p, false, whole);
    }

    /** An axis over [low, high] exactly (linear). */
    static Axis between(double low, double high) {
        return new Axis(low, high, false, false);
    }

    boolean log() {
        return log;
    }

    /** Position of v in [0, 1] along the axis (NaN for v <= 0 on a log axis). */
    double fraction(double v) {
        double x = log ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
        return (x - low) / (high - low);
    }

    /** The ticks inside the range. */
    List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        if (log) {
            int first = (int) Math.ceil(low - 1e-9);
            int last = (int) Math.floor(high + 1e-9);
            int every = Math.max(1, (int) Math.ceil((last - first) / 6.0));
            for (int e = first; e <= last; e++) {
                if (Math.floorMod(e, every) == 0) {
                    ticks.add(new Tick(Math.pow(10, e), power(e)));
                }
            }
            return ticks;
        }
        double step = integer ? Math.max(1, niceStep((high - low) / 6)) : niceStep((high - low) / 6);
        List<Double> values = new ArrayList<>();
        for (double v = Math.ceil(low / step - 1e-9) * step; v <= high + step * 1e-9; v += step) {
            values.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        List<String> labels = labels(values.stream().mapToDouble(Double::doubleValue).toArray());
        for (int i = 0; i < values.size(); i++) {
            ticks.add(new Tick(values.get(i), labels.get(i)));
        }
        return ticks;
    }

    /**
     * Labels of evenly spaced tick values with the decimals their spacing needs (in scientific
     * notation, the mantissa digits) — more where two would still read the same — so that
     * neighbours never share a label. Plain digits for magnitudes in [1e-3, 1e5), else "d.dde-n".
     */
    static List<String> labels(double[] values) {
        double largest = 0;
        double spacing = Double.POSITIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            largest = Math.max(largest, Math.abs(values[i]));
            if (i > 0 && values[i] != values[i - 1]) {
                spacing = Math.min(spacing, Math.abs(values[i] - values[i - 1]));
            }
        }
        if (largest == 0) {
            return java.util.Collections.nCopies(values.length, "0");
        }
        if (!Double.isFinite(spacing)) {
            spacing = largest;
        }
        boolean plain = largest >= 1e-3 && largest < 1e5;
        int digits = plain ? Math.max(0, (int) -Math.floor(Math.log10(spacing) + 1e-9))
                : Math.max(0, (int) (Math.floor(Math.log10(largest) + 1e-9) - Math.floor(Math.log10(spacing) + 1e-9)));
        while (true) {
            List<String> labels = new ArrayList<>();
            for (double v : values) {
                labels.add(plain ? String.format(Locale.ROOT, "%." + digits + "f", v)
                        : v == 0 ? "0" : String.format(Locale.ROOT, "%." + digits + "e", v));
            }
            if (digits >= 16 || distinct(labels, values)) {
                return labels;
            }
            digits++;
        }
    }

    /**
     * Labels of values spaced by ratio (a logarithmic colour bar's levels): at least {@code min}
     * significant digits, more until different values read differently.
     */
    static List<String> significant(double[] values, int min) {
        for (int digits = Math.max(1, min); ; digits++) {
            List<String> labels = new ArrayList<>();
            for (double v : values) {
                labels.add(round(v, digits));
            }
            if (digits >= 17 || distinct(labels, values)) {
                return labels;
            }
        }
    }

    /** True when labels of different values differ. */
    private static boolean distinct(List<String> labels, double[] values) {
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                if (values[i] != values[j] && labels.get(i).equals(labels.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** 1, 2 or 5 × 10^k at or above raw. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    /** "10ⁿ" with superscript digits (1 and 10 for n = 0, 1). */
    static String power(int e) {
        if (e == 0) {
            return "1";
        }
        if (e == 1) {
            return "10";
        }
        StringBuilder s = new StringBuilder("10");
        for (char c : Integer.toString(e).toCharArray()) {
            s.append(c == '-' ? '\u207b' : "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079".charAt(c - '0'));
        }
        return s.toString();
    }

    /** A value rounded to 3 significant digits, as labels and tooltips show it. */
    static String round(double v) {
        return round(v, 3);
    }

    /** A value rounded to the given significant digits, trailing zeros dropped in plain notation. */
    static String round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? new java.math.BigDecimal(v).round(new java.math.MathContext(digits))
                .stripTrailingZeros().toPlainString() : String.format(Locale.ROOT, "%." + (digits - 1) + "e", v);
    }
}
