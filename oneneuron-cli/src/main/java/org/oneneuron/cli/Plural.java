package org.oneneuron.cli;

/**
 * Counts in text output: "1 error", "3 errors", "0 samples". Every noun the commands count takes
 * an s in the plural.
 */
public final class Plural {

    private Plural() {
    }

    /** {@code n} and the noun: as given when n is 1, else with an s. */
    public static String count(long n, String noun) {
        return n + " " + noun(n, noun);
    }

    /** The noun for {@code n} things: as given when n is 1, else with an s. */
    public static String noun(long n, String noun) {
        return n == 1 ? noun : noun + "s";
    }
}
