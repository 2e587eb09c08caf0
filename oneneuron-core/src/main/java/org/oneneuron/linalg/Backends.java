package org.oneneuron.linalg;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Chooses the process-wide {@link Blas} back-end. Automatic choice: the Vector API kernels when
 * the jdk.incubator.vector module is present and the JIT's preferred vectors are 512 bits wide
 * (AVX-512: there they outrun OpenBLAS 0.3.21 at every workload's shapes, docs/PERFORMANCE.md);
 * else native BLAS when it is OpenBLAS (Debian's reference libblas is slower than our kernels);
 * else the Vector API kernels at whatever width. The choice depends only on the machine and the
 * JVM, so a given machine always gets the same back-end. Force one with the system property
 * {@code oneneuron.blas=vector|vector-scalar|native|plain|auto} or {@link #use(String)} (the CLI's
 * --blas flag). {@code active().name()} is the provenance string.
 *
 * <p>Without the module ({@code java} started without {@code --add-modules jdk.incubator.vector})
 * the automatic choice is the same decision, with {@link VectorEquivalentBlas} (scalar loops that
 * give the vector kernels' bits at the width the JVM would use, read by {@link VectorWidthProbe})
 * in place of the vector kernels: same seed, same numbers, only slower. One warning says so.
 *
 * <p>Threads: {@link #threads()} (system property {@code oneneuron.threads}, default 1) is how many
 * threads the Vector API GEMM may split one product over; native BLAS threads are fixed by
 * OPENBLAS_NUM_THREADS when the library loads.
 */
public final class Backends {

    /** Names accepted by {@link #use(String)}. */
    public static final String AUTO = "auto";
    public static final String VECTOR = "vector";
    public static final String NATIVE = "native";
    public static final String PLAIN = "plain";
    /** The vector kernels' arithmetic as scalar loops (no module needed). */
    public static final String VECTOR_SCALAR = "vector-scalar";

    private static final System.Logger LOG = System.getLogger(Backends.class.getName());
    private static final String VECTOR_CLASS = "org.oneneuron.linalg.VectorBlas";

    /** Vector width from which {@code auto} prefers our kernels to OpenBLAS. */
    static final int WIDE_VECTOR_BITS = 512;

    private static volatile Blas active;
    private static volatile int threads = parseThreads(System.getProperty("oneneuron.threads", "1"));
    private static boolean fallbackLogged;

    private Backends() {
    }

    /** The active back-end (chosen on first use from {@code oneneuron.blas}, default auto). */
    public static Blas active() {
        Blas current = active;
        if (current == null) {
            synchronized (Backends.class) {
                if (active == null) {
                    active = create(System.getProperty("oneneuron.blas", AUTO));
                }
                current = active;
            }
        }
        return current;
    }

    /**
     * Makes the named back-end active and returns it.
     *
     * @param name auto, vector, native or plain
     * @throws IllegalArgumentException for another name, or when the named back-end is unavailable
     */
    public static synchronized Blas use(String name) {
        active = create(name);
        return active;
    }

    /** The named back-end without activating it (for tests and benchmarks); same rules as {@link #use}. */
    public static Blas create(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case AUTO:
                return automatic();
            case VECTOR:
                return vector().orElseThrow(() -> new IllegalArgumentException(
                        "BLAS back-end 'vector' needs the jdk.incubator.vector module: "
                                + "run java with --add-modules jdk.incubator.vector"));
            case NATIVE:
                return nativeBlas().orElseThrow(() -> new IllegalArgumentException(
                        "BLAS back-end 'native': no loadable native libblas.so.3 was found"));
            case PLAIN:
                return PlainBlas.INSTANCE;
            case VECTOR_SCALAR:
                return vectorScalar().orElseThrow(() -> new IllegalArgumentException(
                        "BLAS back-end 'vector-scalar': the JVM's vector width could not be read"));
            default:
                throw new IllegalArgumentException("BLAS back-end '" + name
                        + "' is unknown: expected auto, vector, vector-scalar, native or plain");
        }
    }

    /** True when the jdk.incubator.vector module is in the boot layer. */
    public static boolean vectorApiAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Bits per vector register of the active back-end; 0 when it does not use the Vector API. */
    public static int vectorBitSize() {
        Blas blas = active();
        if (blas instanceof VectorEquivalentBlas e) {
            return e.emulatedBits();
        }
        return blas instanceof VectorWidth w ? w.vectorBitSize() : 0;
    }

    /**
     * The core's fused multiply-add peak in GFLOP/s (float32 when {@code single}) as measured on
     * the preferred vectors, about a second of work; empty without the Vector API. The yardstick
     * for the GEMM figures of {@code oneneuron bench}.
     */
    public static OptionalDouble fmaPeakGflops(boolean single) {
        return vector().map(b -> OptionalDouble.of(((VectorWidth) b).fmaPeakGflops(single)))
                .orElse(OptionalDouble.empty());
    }

    /** Multiply-adds one extra GEMM thread must get before splitting pays (waking it costs more). */
    static final long MIN_GEMM_WORK_PER_THREAD = 1L << 19;

    /**
     * How many parts one Vector API GEMM of {@code panels} row panels and {@code work}
     * multiply-adds is split into: at most {@link #threads()} and the panels, and 1 (the caller
     * alone) below {@link #MIN_GEMM_WORK_PER_THREAD} multiply-adds per part. The parts run on
     * {@link ChunkWorkers}.
     */
    static int gemmThreads(int panels, long work) {
        return (int) Math.min(Math.min(threads, panels), Math.max(1, work / MIN_GEMM_WORK_PER_THREAD));
    }

    /** Threads one Vector API GEMM may use (default 1, from {@code oneneuron.threads}). */
    public static int threads() {
        return threads;
    }

    /**
     * Sets the threads one Vector API GEMM may use.
     *
     * @throws IllegalArgumentException when {@code count < 1}
     */
    public static void setThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("BLAS threads must be >= 1, got " + count);
        }
        threads = count;
    }

    /**
     * Runs every kernel of the active back-end and {@link ArrayMath} on small operands until their
     * speed is stable (the JIT has compiled them), at most 5 s: the Vector API is two to three
     * orders of magnitude slower until C2 has compiled a kernel. Call once before benchmarks or
     * long training; returns the rounds run.
     */
    public static int warmUp() {
        return WarmUp.run(active());
    }

    /** The native BLAS library file netlib would load, with links followed, if any. */
    public static Optional<Path> nativeLibrary() {
        return NativeLibraryProbe.resolvedLibrary();
    }

    private static Blas automatic() {
        Optional<Blas> vec = vector();
        if (vec.isEmpty()) {
            vec = vectorScalar();
        }
        int bits = vec.map(Backends::bitsOf).orElse(0);
        Blas chosen = null;
        if (bits >= WIDE_VECTOR_BITS) {
            chosen = vec.get();
        } else {
            Optional<Path> lib = NativeLibraryProbe.resolvedLibrary();
            if (lib.isPresent() && NativeLibraryProbe.isOpenBlas(lib.get())) {
                chosen = nativeBlas().orElse(null);
            }
            if (chosen == null) {
                chosen = vec.orElse(PlainBlas.INSTANCE);
            }
        }
        if (!vectorApiAvailable()) {
            warnOnce(chosen);
        }
        return chosen;
    }

    private static int bitsOf(Blas blas) {
        return blas instanceof VectorEquivalentBlas e ? e.emulatedBits() : ((VectorWidth) blas).vectorBitSize();
    }

    /** The one line a JVM without the module gets: what runs instead, and what it costs. */
    private static void warnOnce(Blas chosen) {
        synchronized (Backends.class) {
            if (fallbackLogged) {
                return;
            }
            fallbackLogged = true;
        }
        String what = chosen instanceof VectorEquivalentBlas
                ? "the vector kernels run as scalar loops (same numbers, several times slower)"
                : chosen instanceof PlainBlas
                ? "the plain kernels run (the vector width could not be read: numbers differ from the"
                        + " vector back-end's)"
                : "element-wise functions run as scalar loops (same numbers, slower)";
        LOG.log(Level.WARNING, "Java was started without --add-modules jdk.incubator.vector: " + what);
    }

    /** The scalar equivalent of the vector kernels at this JVM's width, when it can be read. */
    private static Optional<Blas> vectorScalar() {
        OptionalInt bits = VectorWidthProbe.preferredBits();
        return bits.isPresent() ? Optional.of(new VectorEquivalentBlas(bits.getAsInt())) : Optional.empty();
    }

    private static Optional<Blas> vector() {
        if (!vectorApiAvailable()) {
            return Optional.empty();
        }
        try {
            Class<?> type = Class.forName(VECTOR_CLASS);
            return Optional.of((Blas) type.getConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.log(Level.WARNING, "the Vector API kernels could not be loaded ("
                    + (e.getMessage() == null ? "no reason given" : e.getMessage()) + ")");
            return Optional.empty();
        }
    }

    private static Optional<Blas> nativeBlas() {
        Optional<Path> lib = NativeLibraryProbe.resolvedLibrary();
        if (lib.isEmpty()) {
            return Optional.empty();
        }
        String name = NativeLibraryProbe.isOpenBlas(lib.get()) ? "openblas" : "native-blas";
        // netlib logs a warning of its own for each implementation it cannot load (its Vector API
        // one without the module): noise for our users, who get our one line instead.
        java.util.logging.Logger netlib = java.util.logging.Logger.getLogger("dev.ludovic.netlib");
        java.util.logging.Level before = netlib.getLevel();
        netlib.setLevel(java.util.logging.Level.SEVERE);
        try {
            return Optional.of(new NativeBlas(name));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "native BLAS " + lib.get() + " could not be loaded ("
                    + (e.getMessage() == null ? "no reason given" : e.getMessage()) + ")");
            return Optional.empty();
        } finally {
            netlib.setLevel(before);
        }
    }

    private static int parseThreads(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            LOG.log(Level.WARNING, "oneneuron.threads='" + text + "' is not an integer; using 1");
            return 1;
        }
        LOG.log(Level.WARNING, "oneneuron.threads='" + text + "' must be >= 1; using 1");
        return 1;
    }
}
