package org.oneneuron.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.oneneuron.cli.Main;

/** The command line run in this JVM, its output captured. */
record Cli(int exitCode, String out, String err, long millis) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString(), (System.nanoTime() - start) / 1_000_000);
    }

    /** True when the error output shows no Java exception (no class name, no stack frame). */
    boolean noTrace() {
        return !err.contains("Exception") && !err.contains("\tat ") && !err.contains("Error:");
    }

    @Override
    public String toString() {
        return "exit " + exitCode + " after " + millis + " ms\n--- out\n" + out + "--- err\n" + err;
    }
}
