package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StudySpecTest {

    @Test
    void jsonRoundTripKeepsEverySetting() {
        StudySpec spec = new StudySpec("s", List.of("case-a", "wdbc"), List.of(List.of(2), List.of(4, 3)),
                List.of("relu"), List.of("none", "skip-exp"), List.of("cubic-hinge"), "sum",
                List.of(0.1, 0.01), List.of("gd"), 0.01, 50, 10, "normal", 3, 11L, 0.2);
        assertEquals(spec, StudySpec.fromJson(spec.toJson(), "test"));
    }

    @Test
    void missingKeysTakeTheDefaults() {
        StudySpec spec = StudySpec.fromJson("{\"restarts\": 5}", "test");
        StudySpec d = StudySpec.defaults();
        assertEquals(5, spec.restarts());
        assertEquals(d.neurons(), spec.neurons());
        assertEquals(d.learningRate(), spec.learningRate());
    }

    @Test
    void expansionIsTheOrderedCrossProductWithRestartFastest() {
        StudySpec spec = StudySpec.fromJson("{\"data\":[\"case-a\"],\"hidden\":[[2],[3]],"
                + "\"neurons\":[\"none\",\"skip-exp\"],\"lambdas\":[0.1,1],\"restarts\":3}", "test");
        List<RunSpec> runs = spec.expand();
        assertEquals(2 * 2 * 2 * 3, runs.size());
        assertEquals(runs.size(), spec.runCount());
        for (int i = 0; i < runs.size(); i++) {
            assertEquals(i, runs.get(i).runIndex());
            assertEquals(i % 3, runs.get(i).restart());
        }
        assertEquals("none", runs.get(0).neuron());
        assertEquals("skip-exp", runs.get(3).neuron());
        assertEquals(1.0, runs.get(6).lambda());
        assertEquals(List.of(3), runs.get(12).hidden());
        assertEquals(runs.get(0).runSeed(), runs.get(3).runSeed(), "variants share the seed of a restart");
        assertTrue(runs.get(0).runSeed() != runs.get(1).runSeed());
        assertEquals(runs.get(0).pairingKey(), runs.get(3).pairingKey());
    }

    @Test
    void unknownKeyIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudySpec.fromJson("{\"restart\": 5}", "spec.json"));
        assertTrue(e.getMessage().contains("spec.json") && e.getMessage().contains("'restart'"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"restarts\": 0}", "{\"steps\": 0}", "{\"reduction\": \"avg\"}",
        "{\"init\": \"zeros\"}", "{\"lambdas\": [-1]}", "{\"neurons\": []}", "{\"hidden\": [[0]]}",
        "{\"held_out_fraction\": 0.95}", "{\"learning_rate\": 0}", "[1, 2]", "{\"steps\": ", "{\"hidden\": [[4]",
        "{\"input_shape\": \"1x8x8\"}",
        "{\"architectures\": [\"conv:2x3\"], \"hidden\": [[4]]}", "{\"architectures\": [\"dropout\"]}",
        "{\"architectures\": [\"flatten,dense:1\"], \"input_shape\": \"1x0x8\"}"})
    void badSpecsAreRejectedWithTheSource(String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudySpec.fromJson(json, "spec.json"));
        assertTrue(e.getMessage().startsWith("spec.json"), e.getMessage());
        assertFalse(e.getMessage().contains("Source"), "Jackson's source description: " + e.getMessage());
    }

    /** A list crosses its values: one listed twice would run the same runs twice. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"neurons\": [\"none\", \"skip-exp\", \"none\"]}|neurons lists 'none' twice",
        "{\"neurons\": [\"skip-exp\", \"SKIP-EXP\"]}|neurons lists 'skip-exp' twice",
        "{\"lambdas\": [0.1, 0.10]}|lambdas lists '0.1' twice",
        "{\"losses\": [\"logistic\", \"logistic\"]}|losses lists 'logistic' twice",
        "{\"activations\": [\"tanh\", \"relu\", \"tanh\"]}|activations lists 'tanh' twice",
        "{\"hidden\": [[4], [4]]}|hidden lists '[4]' twice",
        "{\"optimizers\": [\"gd\", \"gd\"]}|optimizers lists 'gd' twice",
        "{\"data\": [\"wdbc\", \"wdbc\"]}|data lists 'wdbc' twice",
        "{\"architectures\": [\"dense:2,tanh,dense:1\", \"dense:2, tanh, dense:1\"]}"
                + "|architectures lists 'dense:2,tanh,dense:1' twice"})
    void aValueListedTwiceIsRefusedAsItWouldRepeatTheSameRuns(String json, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudySpec.fromJson(json, "spec.json"));
        assertTrue(e.getMessage().startsWith("spec.json: " + expected + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("would run the same runs again; list each value once"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFieldAndTheJsonTypeWanted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudySpec.fromJson("{\"data\":\"xor:n=40\",\"restarts\":3,\"steps\":10}", "bs2.json"));
        assertEquals("bs2.json: field 'data' must be a list (e.g. [\"xor:n=40\"]), got a string", e.getMessage());
        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
                () -> StudySpec.fromJson("{\"hidden\": [3]}", "spec.json"));
        assertEquals("spec.json: field 'hidden[0]' must be a list (e.g. [3]), got 3", nested.getMessage());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> StudySpec.fromJson("{\"learning_rate\": [0.1]}", "spec.json"));
        assertEquals("spec.json: field 'learning_rate' must be a number, got a list", number.getMessage());
    }

    @Test
    void aFractionWhereAWholeNumberIsWantedIsRefusedNotTruncated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudySpec.fromJson("{\"restarts\": 2.5}", "spec.json"));
        assertEquals("spec.json: field 'restarts' must be a whole number, got 2.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StudySpec.fromJson("{\"steps\": 10.5}", "spec.json"));
        assertEquals(2, StudySpec.fromJson("{\"restarts\": 2}", "spec.json").restarts());
    }

    @Test
    void layerGraphsTakeThePlaceOfTheMlpsAndAreStoredInTheirCanonicalWords() {
        StudySpec spec = StudySpec.fromJson("{\"architectures\": [\"conv:2x3x3:s1:p0 , relu,maxpool:2:s2,flatten,"
                + "dense:1\", \"flatten,dense:1\"], \"input_shape\": \" 1x8x8\", \"restarts\": 2}", "spec.json");
        assertEquals(List.of("conv:2x3x3,relu,maxpool:2,flatten,dense:1", "flatten,dense:1"), spec.architectures());
        assertEquals("1x8x8", spec.inputShape());
        assertEquals(List.of(), spec.hidden());
        assertEquals(List.of(), spec.activations());
        assertEquals(spec, StudySpec.fromJson(spec.toJson(), "again"));
        List<RunSpec> runs = spec.expand();
        assertEquals(2 * 2 * 2, runs.size());
        assertEquals("conv:2x3x3,relu,maxpool:2,flatten,dense:1", runs.get(0).architecture());
        assertEquals("flatten,dense:1", runs.get(4).network());
        assertEquals("1x8x8", runs.get(7).inputShape());
        assertTrue(runs.get(0).pairingKey().contains(" arch=conv:2x3x3,relu,maxpool:2,flatten,dense:1 input=1x8x8 "),
                runs.get(0).pairingKey());
    }

    @Test
    void anMlpSpecWritesTheJsonItAlwaysWrote() {
        String json = StudySpec.defaults().toJson();
        assertFalse(json.contains("architectures") || json.contains("input_shape"), json);
        RunSpec run = StudySpec.defaults().expand().get(0);
        assertEquals("dense:16,tanh,dense:1", run.network());
        assertEquals("data=wdbc hidden=[16] act=tanh loss=cubic-hinge/mean lambda=1.0 opt=lbfgs lr=0.01 steps=1000"
                + " clip=0.0 init=fan_in", run.pairingKey());
    }

    @Test
    void minibatchAndFloat32RunsCarryTheirSettingsIntoRunsKeysAndJournalLines() {
        StudySpec plain = StudySpec.defaults();
        assertFalse(plain.toJson().contains("batch") || plain.toJson().contains("dtype"), plain.toJson());
        StudySpec spec = StudySpec.fromJson("{\"optimizers\": [\"sgd\", \"adam\"], \"batch\": 32,"
                + " \"dtype\": \"FLOAT32\", \"restarts\": 1}", "spec.json");
        assertEquals(32, spec.batch());
        assertEquals("float32", spec.dtype());
        assertEquals(spec, StudySpec.fromJson(spec.toJson(), "again"));
        RunSpec run = spec.expand().get(0);
        assertEquals(32, run.batch());
        assertEquals(org.oneneuron.linalg.Precision.FLOAT32, run.precision());
        assertTrue(run.pairingKey().endsWith(" batch=32 dtype=float32"), run.pairingKey());
        assertFalse(plain.expand().get(0).pairingKey().contains("batch"), "full-batch float64 keys are unchanged");
        assertEquals("float64", plain.expand().get(0).dtype());
        assertEquals(null, StudySpec.fromJson("{\"dtype\": \"float64\"}", "spec.json").dtype());
    }

    @Test
    void aMinibatchForAFullBatchOptimizerOrANegativeBatchIsRefused() {
        IllegalArgumentException lbfgs = assertThrows(IllegalArgumentException.class,
                () -> StudySpec.fromJson("{\"optimizers\": [\"adam\", \"lbfgs\"], \"batch\": 16}", "spec.json"));
        assertTrue(lbfgs.getMessage().contains("batch 16 is the minibatch size of sgd and adam; lbfgs"),
                lbfgs.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StudySpec.fromJson("{\"batch\": -1}", "spec.json"));
        IllegalArgumentException dtype = assertThrows(IllegalArgumentException.class,
                () -> StudySpec.fromJson("{\"dtype\": \"float16\"}", "spec.json"));
        assertTrue(dtype.getMessage().contains("float16"), dtype.getMessage());
    }
}
