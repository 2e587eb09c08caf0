package org.oneneuron.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a PyTorch peer script (shared/bench/peers/*.py, found by walking up from the working
 * directory) with Debian's /usr/bin/python3 and parses its one JSON line. Two threads get
 * {@code --omp-wait PASSIVE}, as WORKLOADS.md recommends on a 2-core machine.
 */
final class PeerRunner {

    static final String PYTHON = "/usr/bin/python3";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PeerRunner() {
    }

    /** shared/bench above the working directory, if any. */
    static Optional<Path> benchFolder() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("bench");
            if (Files.isDirectory(candidate.resolve("peers"))) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** The peer's JSON object for one run of {@code script} with extra arguments. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> run(String script, int threads, List<String> extra)
            throws IOException, InterruptedException {
        Path bench = benchFolder().orElseThrow(() -> new IllegalStateException(
                "no shared/bench/peers folder above " + Path.of("").toAbsolutePath()));
        List<String> cmd = new ArrayList<>(List.of(PYTHON, bench.resolve("peers").resolve(script).toString(),
                "--threads", Integer.toString(threads)));
        if (threads > 1) {
            cmd.addAll(List.of("--omp-wait", "PASSIVE"));
        }
        cmd.addAll(extra);
        Process process = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        int code = process.waitFor();
        String text = new String(out, StandardCharsets.UTF_8).trim();
        if (code != 0 || text.isEmpty()) {
            throw new IllegalStateException("peer " + String.join(" ", cmd) + " failed with exit " + code
                    + ": " + new String(err, StandardCharsets.UTF_8).trim());
        }
        String last = text.substring(text.lastIndexOf('\n') + 1);
        return JSON.readValue(last, Map.class);
    }
}
