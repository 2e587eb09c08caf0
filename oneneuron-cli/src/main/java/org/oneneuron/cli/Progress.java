package org.oneneuron.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Progress of a long task on stderr: a redrawn bar on a terminal, a plain line at every tenth
 * otherwise (logs, pipes), nothing with {@code -q} or {@code --json}.
 */
public final class Progress {

    /** How progress is shown. */
    public enum Mode { BAR, LINES, SILENT }

    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final Mode mode;
    private String task = "";
    private long total;
    private int lastShown = -1;

    public Progress(PrintWriter err, Mode mode) {
        this.err = err;
        this.mode = mode;
    }

    /** The mode for a command: silent when quiet, a bar on a console, plain lines otherwise. */
    public static Progress of(CommonOptions common, PrintWriter err) {
        Mode mode = common.quiet() ? Mode.SILENT : onTerminal() ? Mode.BAR : Mode.LINES;
        return new Progress(err, mode);
    }

    /**
     * True when the process talks to a terminal. From JDK 22 {@code System.console()} may be
     * non-null when redirected, and {@code Console.isTerminal()} (looked up reflectively, since we
     * compile for 17) gives the answer.
     */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    public Mode mode() {
        return mode;
    }

    /** Begins a task of {@code total} units (steps, runs). */
    public void start(String taskName, long totalUnits) {
        if (totalUnits <= 0) {
            throw new IllegalArgumentException("progress total must be positive, got " + totalUnits);
        }
        this.task = taskName;
        this.total = totalUnits;
        this.lastShown = -1;
    }

    /** Reports that {@code done} of the units are finished; {@code detail} is e.g. the loss. */
    public void update(long done, String detail) {
        update(done, () -> detail);
    }

    /** As {@link #update(long, String)}, building the detail only when a line is drawn. */
    public void update(long done, Supplier<String> detailSupplier) {
        if (mode == Mode.SILENT || total == 0) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (mode == Mode.BAR && percent != lastShown) {
            String detail = detailSupplier.get();
            int filled = percent * BAR_WIDTH / 100;
            err.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%% %d/%d %s", task,
                    "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), percent, done, total, detail));
            err.flush();
            lastShown = percent;
        } else if (mode == Mode.LINES && percent / 10 != lastShown) {
            String detail = detailSupplier.get();
            err.println(String.format(Locale.ROOT, "%s: %d/%d (%d%%) %s", task, done, total, percent,
                    detail));
            err.flush();
            lastShown = percent / 10;
        }
    }

    /** Ends the task: finishes the bar's line. */
    public void finish() {
        if (mode == Mode.BAR && lastShown >= 0) {
            err.println();
            err.flush();
        }
        total = 0;
    }
}
