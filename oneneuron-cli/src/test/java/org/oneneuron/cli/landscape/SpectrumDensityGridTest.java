package org.oneneuron.cli.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.oneneuron.cli.ExitCodes;

/** The SLQ density's grid spans its own nodes, whatever the separate Lanczos run found. */
class SpectrumDensityGridTest {

    @Test
    void theDensityIntegratesToOneEvenAfterOneLanczosStep() throws Exception {
        for (String steps : new String[] {"1", "13"}) {
            Run r = Run.of("spectrum", "--construction", "A1", "--augmented", "--lanczos-steps", steps, "--json");
            assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
            JsonNode slq = r.json().get("slq");
            JsonNode grid = slq.get("grid");
            JsonNode density = slq.get("density");
            double integral = 0;
            for (int i = 1; i < grid.size(); i++) {
                integral += 0.5 * (density.get(i).asDouble() + density.get(i - 1).asDouble())
                        * (grid.get(i).asDouble() - grid.get(i - 1).asDouble());
            }
            assertEquals(1.0, integral, 0.05, "--lanczos-steps " + steps + ": ∫ density over the grid");
        }
    }
}
