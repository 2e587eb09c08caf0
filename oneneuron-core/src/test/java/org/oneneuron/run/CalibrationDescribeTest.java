package org.oneneuron.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalibrationDescribeTest {

    @Test
    void plattsInterceptIsWrittenWithItsSignNotAfterAPlus() {
        assertEquals("Platt scaling 1/(1 + exp(-0.248833·f~ - 0.00380000)) fitted on train (200 samples)",
                new Calibration(Calibration.PLATT, -0.248833, -0.0038, "train", 200).describe());
        assertEquals("Platt scaling 1/(1 + exp(-1.50000·f~ + 0.404280)) fitted on held_out (50 samples)",
                new Calibration(Calibration.PLATT, -1.5, 0.40428, "held_out", 50).describe());
        assertEquals("Platt scaling 1/(1 + exp(-1.50000·f~ + 0.00000)) fitted on train (9 samples)",
                new Calibration(Calibration.PLATT, -1.5, -0.0, "train", 9).describe(), "-0 is 0");
    }
}
