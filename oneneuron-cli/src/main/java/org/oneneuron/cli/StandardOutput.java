package org.oneneuron.cli;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.oneneuron.io.WriteFailedException;

/**
 * Standard output for the commands, with its failures kept: a {@link PrintWriter} (what picocli
 * hands every command) swallows the IOException of a failed write, so a full disk behind
 * {@code > out.csv} went unnoticed and the command exited 0. This stream remembers the first
 * failure's cause, and {@link #checked} turns a writer in error into exit 1 and one line on
 * stderr, for every command alike.
 */
final class StandardOutput extends FilterOutputStream {

    private IOException failure;

    StandardOutput(OutputStream out) {
        super(out);
    }

    /** A writer over this stream as picocli makes one for stdout: buffered, flushed at each line. */
    PrintWriter writer() {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(this, charset())), true);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private IOException failed(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** The first failed write's cause; null when none failed (or none was seen here). */
    IOException failure() {
        return failure;
    }

    /** The exit code of a process that a closed pipe stopped: 128 + SIGPIPE (13), as a shell reports it. */
    static final int BROKEN_PIPE = 141;

    /**
     * The exit code once the command is done: {@code code} when everything written to {@code out}
     * reached it; {@link #BROKEN_PIPE}, silently, when its reader quit (as in {@code | head}: what
     * a Unix tool that SIGPIPE stops does); otherwise, after "error: could not write to standard
     * output: CAUSE" on {@code err}, exit 1 (or the command's own failure code).
     *
     * @param recorded the stream under {@code out} that knows the cause, or null
     */
    static int checked(int code, PrintWriter out, StandardOutput recorded, PrintWriter err) {
        out.flush();
        if (!out.checkError()) {
            return code;
        }
        IOException cause = recorded == null ? null : recorded.failure();
        if (cause != null && cause.getMessage() != null && cause.getMessage().contains("Broken pipe")) {
            return BROKEN_PIPE;
        }
        err.println("error: could not write to standard output" + (cause == null ? ""
                : ": " + WriteFailedException.reason(cause)) + "; the output is incomplete");
        err.flush();
        return code == ExitCodes.OK ? ExitCodes.FAILURE : code;
    }

    /** The charset picocli gives stdout: the JVM's stdout encoding when it names one, else the default. */
    private static Charset charset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null) {
                try {
                    return Charset.forName(name);
                } catch (RuntimeException e) {
                    // An unknown name: the default below.
                }
            }
        }
        return Charset.defaultCharset();
    }
}
