package org.oneneuron.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oneneuron.cli.CommandFailure;
import org.oneneuron.cli.ExitCodes;

/**
 * Runs a PyTorch peer script (the checkout's bench/peers/*.py, see {@link BenchFiles}) with the
 * checked {@link PeerPython} and parses its one JSON line. Two threads get
 * {@code --omp-wait PASSIVE}, as WORKLOADS.md recommends on a 2-core machine.
 */
final class PeerRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PeerPython python;
    private final Path peers;

    private PeerRunner(PeerPython python, Path peers) {
        this.python = python;
        this.peers = peers;
    }

    /** Finds the peer scripts and checks the Python (torch, scipy, OpenBLAS) once. */
    static PeerRunner prepare(Path explicitPython) {
        Path bench = BenchFiles.requireBenchFolder();
        return new PeerRunner(PeerPython.find(explicitPython), bench.resolve("peers"));
    }

    PeerPython python() {
        return python;
    }

    /** The peer's JSON object for one run of {@code script} with extra arguments. */
    @SuppressWarnings("unchecked")
    Map<String, Object> run(String script, int threads, List<String> extra)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(python.python().toString(),
                peers.resolve(script).toString(), "--threads", Integer.toString(threads)));
        if (threads > 1) {
            cmd.addAll(List.of("--omp-wait", "PASSIVE"));
        }
        cmd.addAll(extra);
        Process process = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        int code = process.waitFor();
        String text = new String(out, StandardCharsets.UTF_8).trim();
        if (code != 0 || text.isEmpty()) {
            String why = new String(err, StandardCharsets.UTF_8).trim();
            String last = why.isEmpty() ? "no output" : why.substring(why.lastIndexOf('\n') + 1);
            throw new CommandFailure(ExitCodes.FAILURE, "the peer " + script + " failed (exit " + code
                    + "): " + last);
        }
        String last = text.substring(text.lastIndexOf('\n') + 1);
        try {
            return JSON.readValue(last, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CommandFailure(ExitCodes.FAILURE, "the peer " + script
                    + " printed no JSON line at the end: " + last);
        }
    }
}
