package org.oneneuron.cli.study;

import java.io.PrintWriter;
import java.util.Locale;
import org.oneneuron.cli.Plural;
import org.oneneuron.study.JournalEntry;
import org.oneneuron.study.StudyListener;

/**
 * Study progress on the error stream: a redrawn bar with ETA on a terminal, a line at every tenth
 * of the runs otherwise, nothing when quiet. The ETA extrapolates the runs finished in this
 * invocation (resumed runs cost nothing).
 */
final class StudyProgress implements StudyListener {

    private static final int BAR = 30;

    private final PrintWriter err;
    private final boolean bar;
    private final boolean quiet;
    private final String task;
    private long startNanos;
    private int resumed;
    private int lastTenth = -1;
    private volatile int total = -1;
    private volatile int done;
    private volatile boolean lineOpen;

    StudyProgress(PrintWriter err, String task, boolean quiet) {
        this.err = err;
        this.task = task;
        this.quiet = quiet;
        this.bar = onTerminal();
    }

    @Override
    public synchronized void started(int total, int alreadyDone) {
        startNanos = System.nanoTime();
        resumed = alreadyDone;
        this.total = total;
        this.done = alreadyDone;
        if (!quiet) {
            err.printf(Locale.ROOT, "%s: %s, %d already in the journal%n", task, Plural.count(total, "run"), alreadyDone);
            err.flush();
        }
    }

    @Override
    public synchronized void finished(JournalEntry entry, int done, int total) {
        this.done = Math.max(this.done, done);
        if (quiet) {
            return;
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        int ranHere = done - resumed;
        double eta = ranHere > 0 ? elapsed / ranHere * (total - done) : 0;
        if (bar) {
            int filled = (int) ((long) BAR * done / total);
            err.printf(Locale.ROOT, "\r%s [%s%s] %d/%d %s, %s elapsed, ETA %s", task,
                    "#".repeat(filled), ".".repeat(BAR - filled), done, total, Plural.noun(total, "run"),
                    clock(elapsed), clock(eta));
            lineOpen = done != total;
            if (done == total) {
                err.println();
            }
            err.flush();
            return;
        }
        int tenth = (int) (10L * done / total);
        if (tenth != lastTenth) {
            lastTenth = tenth;
            err.printf(Locale.ROOT, "%s: %d/%d %s, %s elapsed, ETA %s%n", task, done, total,
                    Plural.noun(total, "run"), clock(elapsed), clock(eta));
            err.flush();
        }
    }

    /**
     * What a stop (Ctrl-C) part-way says, e.g. "interrupted with 21 of 40 runs finished (kept in
     * runs/s1/journal.jsonl); run the same command again to resume"; null before the study
     * started (nothing to resume). It reads only volatile fields: a shutdown hook calls it while
     * workers may still be appending.
     */
    String interrupted(java.nio.file.Path journal) {
        return interrupted(journal, "run the same command again to resume");
    }

    /** {@link #interrupted(java.nio.file.Path)} saying {@code then} for how to go on. */
    String interrupted(java.nio.file.Path journal, String then) {
        int planned = total;
        if (planned < 0) {
            return null;
        }
        return (lineOpen ? System.lineSeparator() : "") + "interrupted with " + done + " of " + planned
                + " runs finished (kept in " + journal + "); " + then;
    }

    /**
     * True when stderr goes to a terminal. From JDK 22 System.console() may be non-null when
     * redirected; Console.isTerminal() (looked up reflectively: we compile for 17) decides then.
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

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
