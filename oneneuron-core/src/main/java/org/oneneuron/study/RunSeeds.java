package org.oneneuron.study;

/**
 * Derives the generator seed of one run from (study seed, restart index) by a SplitMix64-style
 * hash mix, so that a run can be replayed alone and serial and parallel schedules give the same
 * numbers. Variants that differ only in the neuron share a restart index and therefore the same
 * seed: their base networks start at the same point, which is what a paired comparison needs.
 */
public final class RunSeeds {

    private RunSeeds() {
    }

    /** mix(seed, k) = splitmix64(splitmix64(seed) ^ (k · golden gamma)). */
    public static long mix(long studySeed, long k) {
        return splitmix64(splitmix64(studySeed) ^ (k * 0x9E3779B97F4A7C15L));
    }

    private static long splitmix64(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
