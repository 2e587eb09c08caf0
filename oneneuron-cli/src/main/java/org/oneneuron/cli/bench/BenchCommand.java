package org.oneneuron.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.oneneuron.cli.CommonOptions;
import org.oneneuron.cli.ExitCodes;
import org.oneneuron.linalg.Backends;
import picocli.CommandLine.Command;
import org.oneneuron.cli.Vocabulary;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oneneuron bench W1|W2|W3|W4|W5|W6|all}: runs the workloads of bench/WORKLOADS.md with the
 * peers' shapes and hyper-parameters and prints one JSON line per workload with the peers' field
 * names. {@code --compare} alternates our run and the PyTorch peer's (A B A B …) and prints the
 * median of the paired throughput ratios.
 */
@Command(name = "bench", description = "Run the benchmark workloads W1-W6 (optionally side by side with the PyTorch peers).",
        footer = {"", "Examples:",
            "  oneneuron bench W1                       W1 replaying bench/w1-golden",
            "  oneneuron bench all --threads 2 --json",
            "  oneneuron bench W1 --compare --threads 1 --pairs 5 --json",
            "  oneneuron bench W1 --steps 10            a quick smoke run",
            "  oneneuron bench kernel --shape 569,64,30,nt --blas vector --samples 5",
            "  oneneuron bench kernel --shape 128,256,784,nt --dtype float32",
            "  oneneuron bench peak                     the core's float32/float64 FMA peak, GFLOP/s",
            "", "The peers (bench/peers) need a Python with torch and scipy on OpenBLAS: Debian's python3-torch,",
            "python3-scipy and libopenblas0-pthread; the first python3 on PATH that has them is used, or --python.",
            "See docs/PERFORMANCE.md.",
            "", "Exit codes: 0 ok, 1 failure, 2 bad input or usage."})
public final class BenchCommand implements Callable<Integer> {

    /** Created on first use: picocli instantiates every command for any command line, --help included. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "WORKLOAD", description = "W1, W2, W3, W4, W5, W6, all, kernel (one GEMM shape, see --shape and --dtype), or peak (the core's FMA peak).")
    String workload;

    @Option(names = "--steps", paramLabel = "N", description = Vocabulary.STEPS + " Here: overrides the"
            + " workload's count (W1 steps, W3 training steps, W4 steps per run; W2, W5 and W6 epochs); default: the workload's.")
    Integer steps;

    @Option(names = "--dump-dir", paramLabel = "DIR", description = "The peer's W1 dump folder (default: the checkout's bench/w1-golden).")
    Path dumpDir;

    @Option(names = "--synthetic", description = "Use our own seeded generator even when the peer's dump is found.")
    boolean synthetic;

    @Option(names = "--seed", paramLabel = "S", description = Vocabulary.SEED + " Here: of our data and θ₀ generators.")
    long seed = Vocabulary.TRAIN.seed();

    @Option(names = "--warmup-steps", paramLabel = "N", description = "Untimed steps first, so the JIT has compiled the kernels.")
    int warmupSteps = 100;

    @Option(names = "--compare", description = "Alternate ours and the PyTorch peer; print paired ratios.")
    boolean compare;

    @Option(names = "--python", paramLabel = "PYTHON", description = "For --compare: the Python that runs the PyTorch peers (default: the first python3 on PATH with torch and scipy, else /usr/bin/python3).")
    Path python;

    @Option(names = "--pairs", paramLabel = "K", description = "Pairs for --compare.")
    int pairs = 5;

    @Option(names = "--shape", paramLabel = "M,N,K,LAYOUT", description = "For 'kernel': the GEMM shape and layout (nn, nt, tn, tt), e.g. 569,64,30,nt.")
    String shape;

    @Option(names = "--samples", paramLabel = "S", description = "For 'kernel': samples of 100 ms CPU time.")
    int samples = 25;

    @Option(names = "--dtype", paramLabel = "TYPE", description = Vocabulary.DTYPE + " Here: for 'kernel',"
            + " dgemm (float64) or sgemm (float32).")
    String dtype = "float64";

    @Override
    public Integer call() throws Exception {
        int threads = common.threadsOr(1);
        Backends.use(common.blas().word());
        Backends.setThreads(1);
        if (workload.equalsIgnoreCase("peak")) {
            print(peak());
            return ExitCodes.OK;
        }
        if (workload.equalsIgnoreCase("kernel")) {
            if (samples < 1) {
                throw new IllegalArgumentException("--samples must be >= 1, got " + samples);
            }
            if (!dtype.equals("float64") && !dtype.equals("float32")) {
                throw new IllegalArgumentException("--dtype must be float64 or float32, got '" + dtype + "'");
            }
            print(KernelCpuTime.run(Backends.active(), KernelCpuTime.Shape.parse(shape), samples,
                    dtype.equals("float32")));
            return ExitCodes.OK;
        }
        Path dump = resolveDump();
        List<Workloads.Id> ids = Workloads.parse(workload);
        PeerRunner peer = compare ? PeerRunner.prepare(python) : null;
        Backends.warmUp();
        BenchContext ctx = new BenchContext(threads, steps == null ? 0 : steps, dump, seed, warmupSteps);
        for (Workloads.Id id : ids) {
            print(compare ? Comparison.run(id, ctx, pairs, peer) : Workloads.run(id, ctx));
        }
        return ExitCodes.OK;
    }

    /** The core's measured FMA peak, the yardstick for the GEMM figures. */
    private static Map<String, Object> peak() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", "peak");
        m.put("java", Runtime.version().toString());
        OptionalDouble single = Backends.fmaPeakGflops(true);
        OptionalDouble dbl = Backends.fmaPeakGflops(false);
        if (single.isEmpty()) {
            throw new IllegalArgumentException("'bench peak' needs the Vector API (--add-modules jdk.incubator.vector)");
        }
        m.put("fp32_gflop_per_s", single.getAsDouble());
        m.put("fp64_gflop_per_s", dbl.getAsDouble());
        m.put("method", "12 independent fma chains on the preferred vectors, best of 5 rounds of 2e7 iterations after 200 short warm-up calls");
        return m;
    }

    private void print(Map<String, Object> result) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println(common.json() ? Mapper.JSON.writeValueAsString(result) : describe(result));
        out.flush();
    }

    private Path resolveDump() {
        if (synthetic) {
            return null;
        }
        if (dumpDir != null) {
            if (!Files.isRegularFile(dumpDir.resolve("X.csv"))) {
                throw new IllegalArgumentException("--dump-dir " + dumpDir + " has no X.csv");
            }
            return dumpDir;
        }
        return BenchFiles.w1Golden().orElse(null);
    }

    private static String describe(Map<String, Object> result) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : result.entrySet()) {
            Object v = e.getValue();
            String text = v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : String.valueOf(v);
            parts.add(e.getKey() + "=" + text);
        }
        return String.join(" ", parts);
    }
}
