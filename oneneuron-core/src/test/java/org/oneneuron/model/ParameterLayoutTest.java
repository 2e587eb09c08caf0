package org.oneneuron.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterLayoutTest {

    private static final NetworkSpec W1 = new NetworkSpec(30, List.of(64, 64), Activation.TANH, NeuronKind.SKIP_EXP);

    @Test
    void followsThePeerScriptsOrderAndSizes() {
        ParameterLayout layout = W1.layout();
        // bench/peers/w3_hessian.py SHAPES
        List<String> names = List.of("W1", "b1", "W2", "b2", "W3", "b3", "w", "a", "b");
        int[] sizes = {64 * 30, 64, 64 * 64, 64, 64, 1, 30, 1, 1};
        assertEquals(names, layout.blocks().stream().map(ParameterBlock::name).toList());
        int off = 0;
        for (int i = 0; i < sizes.length; i++) {
            assertEquals(off, layout.blocks().get(i).offset());
            assertEquals(sizes[i], layout.blocks().get(i).size());
            off += sizes[i];
        }
        assertEquals(6241, layout.dimension());
        assertEquals(layout.offsetOf("W3"), layout.offsetOf("W_out"));
        assertEquals(6241 - 32, layout.networkDimension());
        assertEquals("W1[1,2]", layout.describe(32));
        assertEquals("a", layout.describe(layout.neuronAOffset()));
    }

    @Test
    void noSkipReadsTheLastHiddenLayerAndLinearModelHasNoHiddenBlocks() {
        ParameterLayout noSkip = W1.withNeuron(NeuronKind.NO_SKIP).layout();
        assertEquals(64, noSkip.neuronInputDim());
        ParameterLayout linear = new NetworkSpec(3, List.of(), Activation.RELU, NeuronKind.NONE).layout();
        assertEquals(4, linear.dimension());
        assertEquals(-1, linear.neuronAOffset());
        assertThrows(IllegalArgumentException.class, () -> linear.offsetOf("w"));
    }

    @Test
    void specRejectsBadShapes() {
        assertThrows(IllegalArgumentException.class,
                () -> new NetworkSpec(0, List.of(), Activation.RELU, NeuronKind.NONE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetworkSpec(2, List.of(3, 0), Activation.RELU, NeuronKind.NONE));
        assertTrue(e.getMessage().contains("hidden width 2"), e.getMessage());
    }

    @Test
    void fanInUniformRespectsBoundsAndStartsTheNeuronAtAZeroBZero() {
        ParameterLayout layout = W1.layout();
        double[] theta = Initializer.FAN_IN_UNIFORM.initialize(layout, 42);
        assertArrayEquals(theta, Initializer.FAN_IN_UNIFORM.initialize(layout, 42), 0.0);
        for (ParameterBlock b : layout.blocks()) {
            double bound = switch (b.name()) {
                case "W1", "b1", "w" -> 1 / Math.sqrt(30);
                case "a", "b" -> 0;
                default -> 1 / Math.sqrt(64);
            };
            for (int k = b.offset(); k < b.end(); k++) {
                assertTrue(Math.abs(theta[k]) <= bound, b.name() + " entry " + theta[k] + " beyond " + bound);
            }
        }
        assertEquals(0, theta[layout.neuronAOffset()], 0.0);
        assertEquals(0, theta[layout.neuronBOffset()], 0.0);
        double wNorm = 0;
        for (int j = 0; j < 30; j++) {
            wNorm += Math.abs(theta[layout.neuronWOffset() + j]);
        }
        assertTrue(wNorm > 0, "w is never initialized to 0");
    }

    @Test
    void standardNormalHasUnitScale() {
        ParameterLayout layout = W1.layout();
        double[] theta = Initializer.STANDARD_NORMAL.initialize(layout, 7);
        double s2 = 0;
        int count = layout.networkDimension();
        for (int k = 0; k < count; k++) {
            s2 += theta[k] * theta[k];
        }
        assertEquals(1, s2 / count, 0.1);
        assertEquals(0, theta[layout.neuronAOffset()], 0.0);
        assertEquals(Initializer.STANDARD_NORMAL, Initializer.parse("standard-normal"));
    }
}
