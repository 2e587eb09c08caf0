package org.oneneuron.cli;

import java.io.PrintStream;
import org.oneneuron.data.HeapCheck;

/**
 * The last line of defence when the heap runs out anyway (data sets are checked before they are
 * read, {@link HeapCheck}; a very wide network can still exhaust the heap): one message with the
 * heap's limit and how to raise it, instead of the JVM's trace.
 */
final class OutOfMemory {

    private OutOfMemory() {
    }

    /** Prints the message (and the trace with --debug) on stderr; returns the exit code. */
    static int report(OutOfMemoryError e, boolean debug) {
        long max = Runtime.getRuntime().maxMemory();
        PrintStream err = System.err;
        err.println("error: out of memory: this command needs more than the Java heap's limit of "
                + HeapCheck.size(max) + ". Raise the limit, e.g. ONENEURON_JAVA_OPTS=-Xmx"
                + HeapCheck.xmx(2 * max) + " (the machine has to have that much memory to spare),"
                + " or use less data or a smaller network");
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILURE;
    }
}
