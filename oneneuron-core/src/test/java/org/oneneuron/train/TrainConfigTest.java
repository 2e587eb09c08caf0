package org.oneneuron.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrainConfigTest {

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("learning_rate", "-0.1", (UnaryOperator<TrainConfigBuilder>) b -> b.learningRate(-0.1)),
                Arguments.of("max_steps", "-1", (UnaryOperator<TrainConfigBuilder>) b -> b.maxSteps(-1)),
                Arguments.of("batch_size", "-3", (UnaryOperator<TrainConfigBuilder>) b -> b.batchSize(-3)),
                Arguments.of("momentum", "1.0", (UnaryOperator<TrainConfigBuilder>) b -> b.momentum(1)),
                Arguments.of("nesterov", "momentum 0", (UnaryOperator<TrainConfigBuilder>) b -> b.nesterov(true)),
                Arguments.of("beta2", "1.5", (UnaryOperator<TrainConfigBuilder>) b -> b.beta2(1.5)),
                Arguments.of("epsilon", "0.0", (UnaryOperator<TrainConfigBuilder>) b -> b.epsilon(0)),
                Arguments.of("lbfgs_memory", "0", (UnaryOperator<TrainConfigBuilder>) b -> b.lbfgsMemory(0)),
                Arguments.of("gradient_tolerance", "NaN", (UnaryOperator<TrainConfigBuilder>) b -> b.gradientTolerance(Double.NaN)),
                Arguments.of("clip_norm", "-1.0", (UnaryOperator<TrainConfigBuilder>) b -> b.clipNorm(-1)),
                Arguments.of("divergence_factor", "1.0", (UnaryOperator<TrainConfigBuilder>) b -> b.divergenceFactor(1)),
                Arguments.of("history_stride", "-1", (UnaryOperator<TrainConfigBuilder>) b -> b.historyStride(-1)),
                Arguments.of("threads", "0", (UnaryOperator<TrainConfigBuilder>) b -> b.threads(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValuesAreRejectedNamingFieldAndValue(String field, String value,
                                                 UnaryOperator<TrainConfigBuilder> change) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> change.apply(TrainConfig.defaults().toBuilder()).build());
        assertTrue(e.getMessage().contains(field), e.getMessage());
        assertTrue(e.getMessage().contains(value), e.getMessage());
    }

    @Test
    void builderRoundTripsTheDefaults() {
        assertEquals(TrainConfig.defaults(), TrainConfig.defaults().toBuilder().build());
    }
}
