package org.oneneuron.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oneneuron.data.Shape;

class ArchitectureTest {

    static final String W5 = "conv:8x5x5,relu,maxpool:2,conv:16x5x5,relu,maxpool:2,flatten,dense:64,relu,dense:1";

    @Test
    void wordsReadBackAndTheBuilderAgrees() {
        NetworkSpec parsed = new NetworkSpec(Shape.parse("1x28x28"), Architecture.parse(W5), NeuronKind.SKIP_EXP);
        NetworkSpec built = NetworkBuilder.input(Shape.parse("1x28x28")).conv(8, 5).relu().maxPool(2)
                .conv(16, 5).relu().maxPool(2).flatten().dense(64).relu().dense(1)
                .neuron(NeuronKind.SKIP_EXP).build();
        assertEquals(parsed, built);
        assertEquals(W5, parsed.architecture());
        assertEquals(20_723, parsed.layout().dimension(), "PyTorch's count for W5");
        assertEquals(Shape.vector(64), parsed.representation(), "what no-skip reads: the output layer's input");
        assertFalse(parsed.isMlp());
        String words = "conv:4x3x3:s2:p1,res(conv:4x3x3:p1,tanh),layernorm,avgpool:2:s1,flatten,dense:3,elu,dense:1";
        assertEquals(words, Architecture.words(Architecture.parse(words)));
        assertEquals(List.of(new LayerSpec.Conv(8, 3, 3, 1, 0)), Architecture.parse("conv:8x3"));
    }

    @Test
    void anMlpIsTheSameWhetherWrittenAsWordsOrAsHiddenWidths() {
        NetworkSpec words = new NetworkSpec(Shape.vector(30), Architecture.parse("dense:16,tanh,dense:8,tanh,dense:1"),
                NeuronKind.SKIP_EXP);
        NetworkSpec mlp = new NetworkSpec(30, List.of(16, 8), Activation.TANH, NeuronKind.SKIP_EXP);
        assertEquals(mlp, words);
        assertTrue(words.isMlp());
        assertEquals(List.of(16, 8), words.hidden());
        assertEquals(mlp.layout().blocks(), words.layout().blocks());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1x28x28|conv:8x30x30,flatten,dense:1|layer 1 (conv:8x30x30): conv:8x30x30: kernel 30x30 is larger than its input 1x28x28",
        "1x8x8|conv:2x3,maxpool:4,maxpool:2,flatten,dense:1|layer 3 (maxpool:2): maxpool:2: window 2x2 is larger than its input 2",
        "30|conv:8x3x3,relu,flatten,dense:1|layer 1 (conv:8x3x3): conv:8x3x3: kernel 3x3 is larger than its input 30; a flat input needs its image shape declared (--input-shape CxHxW for a CSV)",
        "30|dense:4,maxpool:2,flatten,dense:1|layer 2 (maxpool:2): maxpool:2: window 2x2 is larger than its input 4; a flat input needs its image shape declared (--input-shape CxHxW for a CSV)",
        "1x8x8|conv:2x3,dense:1|layer 2 (dense:1): dense:1 needs a flat input but gets 2x6x6; put flatten before it",
        "10|dense:4,relu|the last layer must be dense:K",
        "1x8x8|res(conv:3x3:p1),flatten,dense:1|a residual block must keep the shape",
        "10|dense:4,batchnorm,dense:1|batch normalization in training mode couples the samples",
        "10|dense:4,dropout,dense:1|dropout is random",
        "10|dense:4,swish,dense:1|unknown layer 'swish'",
        "10|dense:4,,dense:1|layer 2 is empty",
        "10|res(dense:4,dense:1|a '(' is never closed",
        "10|conv:4x3x3:q2|unknown option 'q2'",
    })
    void aNetworkThatDoesNotFitIsOneMessageNamingTheLayer(String shape, String words, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetworkSpec(Shape.parse(shape), Architecture.parse(words), NeuronKind.NONE));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
