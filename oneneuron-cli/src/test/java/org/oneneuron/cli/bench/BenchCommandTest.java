package org.oneneuron.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oneneuron.cli.CommandFailure;
import org.oneneuron.cli.ExitCodes;
import org.oneneuron.cli.Main;
import org.oneneuron.train.Stop;
import org.oneneuron.train.StopReason;

/** {@code oneneuron bench} through picocli, as a user runs it. */
class BenchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    @SuppressWarnings("unchecked")
    void w1TenStepsRunsAndReportsThePeersFields() throws Exception {
        String[] r = run("bench", "W1", "--steps", "10", "--warmup-steps", "0", "--json");
        assertEquals("0", r[0], r[2]);
        Map<String, Object> m = JSON.readValue(r[1].trim(), Map.class);
        assertEquals("W1", m.get("workload"));
        assertEquals(10, m.get("steps"));
        assertEquals(6241, m.get("n_params"));
        double loss0 = ((Number) m.get("loss_initial")).doubleValue();
        double lossT = ((Number) m.get("loss_final")).doubleValue();
        assertTrue(lossT < loss0, "10 GD steps lower the loss: " + loss0 + " -> " + lossT);
        assertTrue(((Number) m.get("steps_per_s")).doubleValue() > 0);
        assertEquals("bench/w1-golden", m.get("data_source"), "the repository's golden dump, named relative to it");
        assertEquals(0.9714286605672776, loss0, 1e-12, "the peer's initial loss on its own data");
    }

    /**
     * A workload whose training ended on NaN/Inf or divergence (W5 run for six epochs does, at
     * its learning rate) fails naming the stop, instead of timing a shorter run or throwing from
     * the loop timed after it; a run that used its step budget goes on.
     */
    @Test
    void aTrainingThatStoppedOnNonFiniteValuesFailsNamingTheStop() {
        for (StopReason bad : new StopReason[] {StopReason.NON_FINITE, StopReason.DIVERGED}) {
            CommandFailure e = assertThrows(CommandFailure.class, () -> Workloads.requireSound("W5",
                    new Stop(bad, 301, "a·exp(wᵀx_i + b) overflow at sample 17")));
            assertEquals(ExitCodes.FAILURE, e.exitCode());
            assertEquals("W5: training stopped: " + bad.word() + " at step 301: a·exp(wᵀx_i + b) overflow at sample 17"
                    + "; nothing was timed (fewer --steps may run through)", e.getMessage());
        }
        Workloads.requireSound("W5", new Stop(StopReason.MAX_STEPS, 188, "step budget 188 used"));
    }

    @Test
    void syntheticDataIsSaidSo() throws Exception {
        String[] r = run("bench", "W1", "--steps", "2", "--warmup-steps", "0", "--synthetic", "--json");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"data_source\":\"synthetic"), r[1]);
    }

    @Test
    void unknownWorkloadIsABadInput() {
        String[] r = run("bench", "W9");
        assertNotEquals("0", r[0]);
        assertTrue(r[2].contains("W9"), r[2]);
    }

    @Test
    @SuppressWarnings("unchecked")
    void kernelTimesOneShapeOnTheChosenBackEnd() throws Exception {
        String[] r = run("bench", "kernel", "--shape", "16,8,4,tn", "--samples", "2", "--blas", "plain", "--json");
        assertEquals("0", r[0], r[2]);
        Map<String, Object> m = JSON.readValue(r[1].trim(), Map.class);
        assertEquals("plain", m.get("blas"));
        assertEquals("tn", m.get("layout"));
        java.util.List<Number> gflops = (java.util.List<Number>) m.get("gflop_per_cpu_s");
        assertEquals(2, gflops.size());
        assertTrue(gflops.get(1).doubleValue() > 0);
        assertEquals("float64", m.get("dtype"));
        String[] single = run("bench", "kernel", "--shape", "16,8,4,nt", "--samples", "1", "--dtype", "float32",
                "--blas", "plain", "--json");
        assertEquals("0", single[0], single[2]);
        assertEquals("float32", JSON.readValue(single[1].trim(), Map.class).get("dtype"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void peakMeasuresBothPrecisions() throws Exception {
        String[] r = run("bench", "peak", "--json");
        assertEquals("0", r[0], r[2]);
        Map<String, Object> m = JSON.readValue(r[1].trim(), Map.class);
        double single = ((Number) m.get("fp32_gflop_per_s")).doubleValue();
        double dbl = ((Number) m.get("fp64_gflop_per_s")).doubleValue();
        assertTrue(single > 0 && dbl > 0, m.toString());
    }

    @Test
    void aBadKernelShapeNamesTheOption() {
        String[] r = run("bench", "kernel", "--shape", "16,x,4,nt");
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("--shape"), r[2]);
        String[] layout = run("bench", "kernel", "--shape", "16,8,4,zz");
        assertEquals("2", layout[0], layout[2]);
        String[] missing = run("bench", "kernel");
        assertEquals("2", missing[0], missing[2]);
        assertTrue(missing[2].contains("needs --shape"), missing[2]);
        String[] dtype = run("bench", "kernel", "--shape", "16,8,4,nt", "--dtype", "float16");
        assertEquals("2", dtype[0], dtype[2]);
        assertTrue(dtype[2].contains("--dtype"), dtype[2]);
    }
}
