package org.oneneuron.study;

/**
 * A paired comparison of two variants run on the same seeds (same pairing key and restart):
 * the success of each pair member is cross-tabulated and tested with McNemar's exact test.
 *
 * @param pairingKey the shared configuration
 * @param first      first variant (usually none)
 * @param second     second variant
 * @param what       the success criterion compared
 * @param pairs      number of pairs
 * @param both       pairs where both succeeded
 * @param onlyFirst  pairs where only the first succeeded
 * @param onlySecond pairs where only the second succeeded
 * @param pValue     two-sided exact McNemar p-value
 */
public record PairedComparison(String pairingKey, String first, String second, String what,
                               int pairs, int both, int onlyFirst, int onlySecond, double pValue) {

    /** Builds the comparison from success flags of the paired runs (index = pair). */
    public static PairedComparison of(String pairingKey, String first, String second, String what,
                                      boolean[] firstOk, boolean[] secondOk) {
        if (firstOk.length != secondOk.length) {
            throw new IllegalArgumentException("paired flags differ in length: " + firstOk.length
                    + " vs " + secondOk.length);
        }
        int both = 0;
        int onlyFirst = 0;
        int onlySecond = 0;
        for (int i = 0; i < firstOk.length; i++) {
            if (firstOk[i] && secondOk[i]) {
                both++;
            } else if (firstOk[i]) {
                onlyFirst++;
            } else if (secondOk[i]) {
                onlySecond++;
            }
        }
        return new PairedComparison(pairingKey, first, second, what, firstOk.length, both,
                onlyFirst, onlySecond, StudyStatistics.mcNemarExact(onlyFirst, onlySecond));
    }
}
