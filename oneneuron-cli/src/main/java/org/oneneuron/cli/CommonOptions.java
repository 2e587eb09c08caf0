package org.oneneuron.cli;

import java.util.Locale;
import org.oneneuron.linalg.Backends;
import picocli.CommandLine.Option;

/**
 * Options every command takes ({@code @Mixin CommonOptions common;}). The main command's
 * execution strategy applies {@code --threads} and {@code --blas} before the command runs.
 */
public final class CommonOptions {

    /** The BLAS back-ends a user can ask for. */
    public enum BlasChoice {
        AUTO, VECTOR, NATIVE, PLAIN;

        /** The word on the command line, e.g. {@code native}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        static BlasChoice parse(String word) {
            String w = word.toLowerCase(Locale.ROOT);
            for (BlasChoice c : values()) {
                if (c.word().equals(w)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("--blas: unknown back-end '" + word
                    + "', expected vector, native, plain or auto");
        }
    }

    @Option(names = "--json", description = "Print one JSON object (snake_case keys) instead of text.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only results and errors; no progress.")
    boolean quiet;

    /**
     * The most --threads a command takes. A fixed cap, not a multiple of this machine's cores: the
     * numbers depend on the thread count, so reproducing another machine's bits may take more
     * threads than there are cores; beyond this, a typo would start that many workers.
     */
    public static final int MAX_THREADS = 1024;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads, 1 to " + MAX_THREADS
            + " (default: the library's default for the task).")
    Integer threads;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @Option(names = "--blas", paramLabel = "KIND", converter = BlasConverter.class,
            description = "Linear algebra back-end: vector, native, plain or auto (default: auto).")
    BlasChoice blas;

    /** True when output is JSON. */
    public boolean json() {
        return json;
    }

    /** True when progress and chatter are off (-q or --json). */
    public boolean quiet() {
        return quiet || json;
    }

    /** The requested back-end ({@code AUTO} when not given). */
    public BlasChoice blas() {
        return blas == null ? BlasChoice.AUTO : blas;
    }

    /** The --threads value, or {@code fallback} when not given. */
    public int threadsOr(int fallback) {
        return threads == null ? fallback : threads;
    }

    /** True when errors show their stack trace. */
    public boolean debug() {
        return debug;
    }


    /**
     * Sets the process-wide back-end for this run, when given, and validates --threads (1 to
     * {@link #MAX_THREADS}). The threads go to the objectives' sample chunks (each command passes
     * {@link #threadsOr}), not to the GEMM kernels: splitting each chunk's GEMMs again made a W2
     * step 3x slower.
     */
    void apply() {
        if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
            throw new IllegalArgumentException("--threads must be between 1 and " + MAX_THREADS + ", got "
                    + threads);
        }
        if (blas != null) {
            try {
                Backends.use(blas.word());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--blas " + blas.word() + ": " + e.getMessage(), e);
            }
        }
    }

    /** picocli converter for {@link BlasChoice}. */
    static final class BlasConverter implements picocli.CommandLine.ITypeConverter<BlasChoice> {
        @Override
        public BlasChoice convert(String value) {
            return BlasChoice.parse(value);
        }
    }
}
