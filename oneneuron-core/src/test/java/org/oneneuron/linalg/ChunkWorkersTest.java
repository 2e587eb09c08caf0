package org.oneneuron.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every chunk runs exactly once per pass, failures come back in chunk order, callers may overlap. */
class ChunkWorkersTest {

    @Test
    void everyChunkRunsOncePerPass() {
        for (int count = 1; count <= 4; count++) {
            AtomicIntegerArray runs = new AtomicIntegerArray(count);
            Runnable[] chunks = new Runnable[count];
            for (int c = 0; c < count; c++) {
                int id = c;
                chunks[c] = () -> runs.incrementAndGet(id);
            }
            for (int pass = 0; pass < 500; pass++) {
                ChunkWorkers.run(chunks, count);
            }
            for (int c = 0; c < count; c++) {
                assertEquals(500, runs.get(c), "chunk " + c + " of " + count);
            }
        }
    }

    @Test
    void theFirstFailureInChunkOrderIsRethrownAfterAllFinished() {
        IllegalStateException second = new IllegalStateException("chunk 1");
        AtomicIntegerArray finished = new AtomicIntegerArray(3);
        Runnable[] chunks = {
            () -> finished.incrementAndGet(0),
            () -> {
                finished.incrementAndGet(1);
                throw second;
            },
            () -> {
                finished.incrementAndGet(2);
                throw new ArithmeticException("chunk 2");
            },
        };
        assertSame(second, assertThrows(IllegalStateException.class, () -> ChunkWorkers.run(chunks, 3)));
        assertEquals(3, finished.get(0) + finished.get(1) + finished.get(2), "all chunks ran once");
        Runnable[] ok = {() -> { }, () -> { }};
        ChunkWorkers.run(ok, 2);
    }

    @Test
    void aPassStartedInsideAChunkRunsOnItsOwn() {
        AtomicIntegerArray inner = new AtomicIntegerArray(2);
        AtomicIntegerArray outer = new AtomicIntegerArray(2);
        Runnable[] innerChunks = {() -> inner.incrementAndGet(0), () -> inner.incrementAndGet(1)};
        Runnable[] outerChunks = {
            () -> {
                ChunkWorkers.run(innerChunks, 2);
                outer.incrementAndGet(0);
            },
            () -> {
                ChunkWorkers.run(innerChunks, 2);
                outer.incrementAndGet(1);
            },
        };
        for (int pass = 0; pass < 50; pass++) {
            ChunkWorkers.run(outerChunks, 2);
        }
        assertEquals(50, outer.get(0));
        assertEquals(50, outer.get(1));
        assertEquals(100, inner.get(0));
        assertEquals(100, inner.get(1));
    }

    @Test
    void overlappingCallersEachGetTheirChunksRun() throws InterruptedException {
        int callers = 4;
        AtomicIntegerArray runs = new AtomicIntegerArray(callers * 2);
        Thread[] threads = new Thread[callers];
        for (int t = 0; t < callers; t++) {
            int base = 2 * t;
            Runnable[] chunks = {() -> runs.incrementAndGet(base), () -> runs.incrementAndGet(base + 1)};
            threads[t] = new Thread(() -> {
                for (int pass = 0; pass < 100; pass++) {
                    ChunkWorkers.run(chunks, 2);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (int i = 0; i < runs.length(); i++) {
            assertEquals(100, runs.get(i), "chunk slot " + i);
        }
    }
}
