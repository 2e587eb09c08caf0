package org.oneneuron.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneneuron.data.Dataset;
import org.oneneuron.data.Datasets;
import org.oneneuron.linalg.Precision;
import org.oneneuron.loss.Float32NetworkObjective;
import org.oneneuron.loss.Float32Rows;
import org.oneneuron.loss.NetworkObjective;
import org.oneneuron.model.NeuronKind;

/**
 * A float32 scaffold schedule builds a problem per λ round and one for the fine-tune, all over the
 * same data: they share one float32 copy of it (MNIST 4 vs 9: 37 MB per copy) instead of one each.
 */
class Float32RowsSharingTest {

    private static final ClassifierConfig FLOAT32 = ClassifierConfig.defaults().withHidden(List.of(4))
            .withPrecision(Precision.FLOAT32);

    @Test
    void problemsDerivedOverTheSameDataShareOneCopyAndOtherDataGetsItsOwn() {
        Dataset wdbc = Datasets.wdbc();
        Problem augmented = FLOAT32.problem(wdbc);
        Problem round = augmented.withNeuron(augmented.spec().neuron(), 0.25);
        Problem plain = round.withNeuron(NeuronKind.NONE, 0.25);
        assertSame(augmented.float32Rows(), round.float32Rows());
        assertSame(augmented.float32Rows(), plain.float32Rows());
        assertSame(augmented.float32Rows(), plain.withSeed(7).float32Rows());
        Problem other = plain.withData(Datasets.builtin("blobs:n=50,d=30"));
        assertNotSame(plain.float32Rows(), other.float32Rows());
        assertSame(other.data(), other.float32Rows().data());
    }

    @Test
    void sharedRowsGiveTheBitsOfAnObjectiveWithItsOwnCopy() {
        Problem problem = FLOAT32.problem(Datasets.wdbc());
        NetworkObjective reference = problem.objective();
        double[] theta = problem.initialPoint();
        double[] own = new double[theta.length];
        double[] shared = new double[theta.length];
        Float32NetworkObjective first = Float32NetworkObjective.over(reference, problem.float32Rows());
        Float32NetworkObjective second = Float32NetworkObjective.over(reference.copy(), problem.float32Rows());
        double loss = Float32NetworkObjective.over(reference).valueAndGradient(theta, own);
        assertEquals(loss, second.valueAndGradient(theta, shared), 0.0);
        assertArrayEquals(own, shared, 0.0);
        assertEquals(loss, first.value(theta), 0.0);
    }

    @Test
    void rowsOfAnotherDataSetAreRefused() {
        Problem problem = FLOAT32.problem(Datasets.wdbc());
        Float32Rows elsewhere = new Float32Rows(Datasets.wdbc());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Float32NetworkObjective.over(problem.objective(), elsewhere));
        assertTrue(e.getMessage().contains("float32 rows"), e.getMessage());
    }
}
