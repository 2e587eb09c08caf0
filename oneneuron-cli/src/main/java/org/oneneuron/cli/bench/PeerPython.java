package org.oneneuron.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.oneneuron.cli.CommandFailure;
import org.oneneuron.cli.ExitCodes;

/**
 * The Python that runs the PyTorch peers, checked before the first peer run: it must import torch
 * and scipy, and torch must not run on the reference BLAS (the peer would be several times slower
 * than PyTorch users see it). {@code --python} names it; otherwise every {@code python3} on PATH
 * is tried in order, then Debian's {@code /usr/bin/python3}, and the first with torch and scipy is
 * taken. Each problem is one sentence saying what to install.
 *
 * @param python        the interpreter
 * @param torchVersion  torch.__version__
 * @param blasLibraries the BLAS libraries torch had mapped after a matrix product (links resolved)
 */
record PeerPython(Path python, String torchVersion, List<String> blasLibraries) {

    static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PROBE_SECONDS = 180;

    /** "openblas", "reference" or "unknown" (no libblas mapped: e.g. a wheel with MKL inside). */
    String blasKind() {
        return blasKind(blasLibraries);
    }

    static String blasKind(List<String> libraries) {
        if (libraries.stream().anyMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains("openblas"))) {
            return "openblas";
        }
        return libraries.stream().anyMatch(l -> l.contains("libblas")) ? "reference" : "unknown";
    }

    /**
     * Finds and checks the peer's Python.
     *
     * @param explicit the {@code --python} value, or null to search PATH
     * @throws CommandFailure (exit 1) naming what to install
     */
    static PeerPython find(Path explicit) {
        List<Path> candidates = explicit != null ? List.of(explicit) : candidatesOnPath();
        Map<Path, String> problems = new LinkedHashMap<>();
        for (Path python : candidates) {
            JsonNode probe;
            try {
                probe = probe(python);
            } catch (IOException e) {
                problems.put(python, "cannot be run (" + e.getMessage() + ")");
                continue;
            }
            String missing = probe.path("missing").asText("");
            if (!missing.isEmpty()) {
                problems.put(python, "cannot import " + missing);
                continue;
            }
            List<String> libs = new ArrayList<>();
            probe.path("blas_libraries").forEach(n -> libs.add(n.asText()));
            PeerPython found = new PeerPython(python, probe.path("torch").asText("?"), libs);
            if (found.blasKind().equals("reference")) {
                throw new CommandFailure(ExitCodes.FAILURE, "the peer's PyTorch (" + python
                        + ") runs on the reference BLAS " + String.join(", ", libs) + " instead of"
                        + " OpenBLAS, which would make the comparison unfair: install"
                        + " libopenblas0-pthread (apt-get install libopenblas0-pthread), which points"
                        + " libblas.so.3 at OpenBLAS (see update-alternatives --display"
                        + " libblas.so.3-x86_64-linux-gnu)");
            }
            return found;
        }
        throw new CommandFailure(ExitCodes.FAILURE, noPythonMessage(problems, explicit != null));
    }

    private static String noPythonMessage(Map<Path, String> problems, boolean explicit) {
        List<String> tried = new ArrayList<>();
        problems.forEach((python, why) -> tried.add(python + " " + why));
        boolean torchFound = problems.values().stream().anyMatch(w -> w.equals("cannot import scipy"));
        String install = torchFound ? "install python3-scipy (apt-get install python3-scipy)"
                : "install Debian's python3-torch and python3-scipy (apt-get install python3-torch"
                        + " python3-scipy)";
        String tail = explicit ? "" : ", and pass --python /usr/bin/python3 when another python3"
                + " comes first on PATH";
        return "the PyTorch peer needs a Python with torch and scipy, and none was found ("
                + (tried.isEmpty() ? "no python3 on PATH" : String.join("; ", tried)) + "): "
                + install + tail;
    }

    /** Every python3 on PATH (first occurrence of each resolved file), then /usr/bin/python3. */
    static List<Path> candidatesOnPath() {
        List<Path> out = new ArrayList<>();
        List<Path> seen = new ArrayList<>();
        String path = System.getenv().getOrDefault("PATH", "");
        List<Path> dirs = new ArrayList<>();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                dirs.add(Path.of(dir));
            }
        }
        for (Path dir : dirs) {
            add(dir.resolve("python3"), out, seen);
        }
        add(DEBIAN_PYTHON, out, seen);
        return out;
    }

    private static void add(Path python, List<Path> out, List<Path> seen) {
        if (!Files.isExecutable(python)) {
            return;
        }
        Path real;
        try {
            real = python.toRealPath();
        } catch (IOException e) {
            return;
        }
        if (!seen.contains(real)) {
            seen.add(real);
            out.add(python);
        }
    }

    /** Runs the probe script; its one JSON line. */
    private static JsonNode probe(Path python) throws IOException {
        Process process = new ProcessBuilder(python.toString(), "-c", probeScript())
                .redirectErrorStream(false).start();
        process.getOutputStream().close();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            process.getErrorStream().readAllBytes();
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("no answer within " + PROBE_SECONDS + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0 || text.isEmpty()) {
                throw new IOException("exit " + process.exitValue() + " without an answer");
            }
            return JSON.readTree(text.substring(text.lastIndexOf('\n') + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("its answer is not JSON");
        }
    }

    private static String probeScript() {
        try (InputStream in = PeerPython.class.getResourceAsStream("peer_probe.py")) {
            if (in == null) {
                throw new IllegalStateException("peer_probe.py is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
