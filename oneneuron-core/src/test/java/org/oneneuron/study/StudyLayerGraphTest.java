package org.oneneuron.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study over a layer graph (a small CNN on generated 1×8×8 images), journaled, resumed, replayed. */
class StudyLayerGraphTest {

    /** conv, residual block, layer norm, pooling, flatten, dense: every kind of layer the engine has. */
    static final String CNN = "conv:2x3x3:p1,tanh,res(conv:2x3x3:p1,tanh),layernorm,avgpool:2,flatten,dense:1";

    @TempDir
    Path dir;

    private final TrainerRunFunction function = new TrainerRunFunction();

    /**
     * n images of 1×8×8 as CSV rows (64 pixels, then the label): a vertical bar (+1) or a
     * horizontal bar (-1) at a random place, with noise.
     */
    static Path images(Path dir, int n, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder();
        for (int j = 0; j < 64; j++) {
            csv.append('p').append(j).append(',');
        }
        csv.append("y\n");
        for (int i = 0; i < n; i++) {
            boolean vertical = i % 2 == 0;
            int at = 1 + rng.nextInt(6);
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    double on = (vertical ? c : r) == at ? 1 : 0;
                    csv.append(String.format(Locale.ROOT, "%.4f,", on + 0.2 * rng.nextGaussian()));
                }
            }
            csv.append(vertical ? "1" : "-1").append('\n');
        }
        Path file = dir.resolve("bars.csv");
        Files.writeString(file, csv);
        return file;
    }

    static StudySpec cnnStudy(Path csv, int restarts) {
        return StudySpec.fromJson("{\"name\":\"cnn\",\"data\":[\"" + csv.toString().replace("\\", "\\\\")
                + "\"],\"architectures\":[\"" + CNN + "\"],\"input_shape\":\"1x8x8\","
                + "\"neurons\":[\"none\",\"skip-exp\"],\"optimizers\":[\"adam\"],\"learning_rate\":0.05,"
                + "\"steps\":30,\"restarts\":" + restarts + ",\"seed\":4,\"held_out_fraction\":0.25}", "test");
    }

    @Test
    void aCnnStudyJournalsItsArchitectureAndIsTheSameSeriallyAndInParallel() throws IOException {
        StudySpec spec = cnnStudy(images(dir, 24, 7), 2);
        assertEquals(4, spec.runCount());
        StudyResult serial = new StudyRunner(function, 1, Duration.ZERO, StudyListener.none())
                .run(spec, dir.resolve("serial"));
        StudyResult parallel = new StudyRunner(function, 2, Duration.ZERO, StudyListener.none())
                .run(spec, dir.resolve("parallel"));
        assertTrue(serial.complete() && parallel.complete());
        assertEquals(StudyFixtures.withoutTiming(serial.entries()), StudyFixtures.withoutTiming(parallel.entries()));
        for (JournalEntry e : serial.entries()) {
            assertTrue(e.run().graph(), e.run().toString());
            assertEquals(30, e.outcome().steps());
            assertTrue(Double.isFinite(e.outcome().loss()) && Double.isFinite(e.outcome().heldOutAccuracy()),
                    e.run().configKey());
            assertEquals(e.run().neuron().equals("skip-exp"), Double.isFinite(e.outcome().a()), e.run().configKey());
        }
        String line = Files.readAllLines(dir.resolve("serial").resolve(StudyRunner.JOURNAL)).get(0);
        assertTrue(line.contains("\"architecture\":\"" + CNN + "\",\"input_shape\":\"1x8x8\""), line);
        assertFalse(line.contains("\"hidden\"") || line.contains("\"activation\""), line);
        assertEquals(StudyFixtures.withoutTiming(serial.entries()), StudyFixtures.withoutTiming(
                Journal.open(dir.resolve("parallel").resolve(StudyRunner.JOURNAL)).entries()));
        // the pairs: plain and skip-exp share the network, the data and each restart
        assertEquals(serial.entries().get(0).run().pairingKey(), serial.entries().get(2).run().pairingKey());
        assertTrue(serial.entries().get(0).run().pairingKey().contains("arch=" + CNN + " input=1x8x8"));
    }

    @Test
    void anInterruptedCnnStudyResumesToTheUninterruptedNumbers() throws IOException {
        StudySpec spec = cnnStudy(images(dir, 24, 7), 2);
        StudyResult full = new StudyRunner(function, 2, Duration.ZERO, StudyListener.none()).run(spec, dir.resolve("full"));
        Path part = dir.resolve("part");
        new StudyRunner(function, 2, Duration.ZERO, StudyListener.none()).run(spec, part);
        Path journal = part.resolve(StudyRunner.JOURNAL);
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, lines.subList(0, 1));
        AtomicInteger ran = new AtomicInteger();
        StudyResult resumed = new StudyRunner(function, 1, Duration.ZERO, new StudyListener() {
            @Override
            public void finished(JournalEntry entry, int done, int total) {
                ran.incrementAndGet();
            }
        }).run(spec, part);
        assertEquals(1, resumed.resumed());
        assertEquals(3, ran.get());
        assertEquals(StudyFixtures.withoutTiming(full.entries()), StudyFixtures.withoutTiming(resumed.entries()));
        JournalEntry replayed = new StudyRunner(function, 1, Duration.ZERO, StudyListener.none()).replay(spec, 3);
        assertEquals(full.entries().get(3).outcome().withoutTiming(), replayed.outcome().withoutTiming());
        assertEquals(JournalCodec.toLine(replayed), JournalCodec.toLine(JournalCodec.fromLine(JournalCodec.toLine(replayed))));
    }

    @Test
    void aLayerGraphThatDoesNotFitTheDataIsRefusedBeforeAnyRun() throws IOException {
        Path csv = images(dir, 24, 7);
        StudySpec wrongShape = StudySpec.fromJson("{\"data\":[\"" + csv + "\"],\"architectures\":[\"" + CNN
                + "\"],\"input_shape\":\"1x4x4\",\"restarts\":1,\"steps\":5}", "test");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StudyRunner(function, 1,
                Duration.ZERO, StudyListener.none()).run(wrongShape, dir.resolve("a")));
        assertTrue(e.getMessage().contains("1x4x4") && e.getMessage().contains("64 features"), e.getMessage());
        StudySpec tooSmall = StudySpec.fromJson("{\"data\":[\"" + csv + "\"],\"architectures\":"
                + "[\"conv:2x9x9,flatten,dense:1\"],\"input_shape\":\"1x8x8\",\"restarts\":1,\"steps\":5}", "test");
        e = assertThrows(IllegalArgumentException.class, () -> new StudyRunner(function, 1,
                Duration.ZERO, StudyListener.none()).run(tooSmall, dir.resolve("b")));
        assertTrue(e.getMessage().contains("conv:2x9x9") && e.getMessage().contains("bars.csv"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("b").resolve(StudyRunner.JOURNAL)));
    }
}
