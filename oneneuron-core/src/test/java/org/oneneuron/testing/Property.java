package org.oneneuron.testing;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Property tests over seeded random cases, in plain JUnit 5: a {@code @Test} method calls
 * {@link #forAll(int, Body)} with the number of cases and a body that draws its inputs from a
 * {@link Gen} and asserts.
 *
 * <pre>{@code
 * @Test
 * void aucMatchesPairCounting() {
 *     Property.forAll(60, g -> {
 *         int n = g.intIn("n", 2, 40);
 *         long seed = g.seed("seed");
 *         ...assertions...
 *     });
 * }
 * }</pre>
 *
 * <p>Case seeds come from a fixed sequence per property (seeded by the test's class and method
 * name), so every run checks the same cases. The first failing case stops the property with an
 * {@link AssertionError} that names the property, the case number, the case's seed, its drawn
 * inputs and the flags that replay it alone:
 * {@code -Dtest='Class#method' -Doneneuron.property.case=0x...}. {@code -Doneneuron.property.seed=N}
 * moves every property to another fixed sequence, to explore new cases. There is no shrinking.
 */
public final class Property {
    /** System property: replay only the case with this seed (hex {@code 0x...} or decimal). */
    public static final String CASE_SEED = "oneneuron.property.case";
    /** System property: start every property's case sequence from another base seed. */
    public static final String BASE_SEED = "oneneuron.property.seed";
    /** A property fails when {@link Gen#assume} rejects more than this many cases per case asked. */
    static final int MAX_REJECTIONS_PER_CASE = 5;
    private static final long DEFAULT_BASE = 0x0E1E_0A0B_2018_0001L;

    private Property() {
    }

    /** The body of a property: draw inputs from the case's generator, then assert. */
    @FunctionalInterface
    public interface Body {
        void check(Gen g) throws Exception;
    }

    /**
     * Checks the body on {@code cases} accepted cases (rejected ones are drawn anew). Call it
     * directly from the test method: its class and method name the property.
     */
    public static void forAll(int cases, Body body) {
        String name = callingTestMethod();
        String replay = System.getProperty(CASE_SEED);
        if (replay != null && !replay.isBlank()) {
            check(name, parseSeed(replay), body);
        } else {
            String base = System.getProperty(BASE_SEED);
            long start = base == null || base.isBlank() ? DEFAULT_BASE : parseSeed(base);
            check(name, cases, new SplittableRandom(start ^ name.hashCode()), body);
        }
    }

    /**
     * {@code Class#method} of the test that called {@link #forAll}: the first frame, in the class
     * of the immediate caller, that is not a lambda body (forAll may be called inside one).
     */
    private static String callingTestMethod() {
        return StackWalker.getInstance().walk(frames -> {
            List<StackWalker.StackFrame> outside = frames
                    .filter(f -> !f.getClassName().equals(Property.class.getName())).toList();
            String className = outside.get(0).getClassName();
            String method = outside.stream()
                    .filter(f -> f.getClassName().equals(className) && !f.getMethodName().startsWith("lambda$"))
                    .findFirst().orElse(outside.get(0)).getMethodName();
            return className.substring(className.lastIndexOf('.') + 1) + "#" + method;
        });
    }

    /** Runs cases with seeds drawn from {@code seeds} until {@code cases} are accepted. */
    static void check(String name, int cases, SplittableRandom seeds, Body body) {
        if (cases < 1) {
            throw new IllegalArgumentException("a property needs at least one case, got " + cases);
        }
        int accepted = 0;
        int rejected = 0;
        while (accepted < cases) {
            String label = String.format(Locale.ROOT, "case %d (of %d)", accepted + rejected + 1, cases);
            if (runCase(name, label, seeds.nextLong(), body)) {
                accepted++;
            } else if (++rejected > MAX_REJECTIONS_PER_CASE * cases) {
                throw new AssertionError(String.format(Locale.ROOT,
                        "%s: assume() rejected %d cases while %d were accepted of %d asked; "
                                + "draw inputs inside the property's domain instead", name, rejected, accepted, cases));
            }
        }
    }

    /** Replays the one case with this seed. */
    static void check(String name, long caseSeed, Body body) {
        if (!runCase(name, "the replayed case", caseSeed, body)) {
            throw new AssertionError(name + ": the case with seed " + hex(caseSeed) + " is rejected by assume()");
        }
    }

    /** True if the case passed, false if it was rejected; a failure throws. */
    private static boolean runCase(String name, String label, long seed, Body body) {
        Gen g = new Gen(seed);
        try {
            body.check(g);
            return true;
        } catch (Gen.Rejected rejected) {
            return false;
        } catch (Throwable failure) {
            throw new AssertionError(String.format(Locale.ROOT,
                    "%s failed on %s with seed %s%n  drawn: %s%n  replay: -Dtest='%s' -D%s=%s%n  %s",
                    name, label, hex(seed), g.drawn(), name, CASE_SEED, hex(seed), failure), failure);
        }
    }

    /** A seed as {@code 0x} and 16 hex digits. */
    static String hex(long seed) {
        return String.format(Locale.ROOT, "0x%016x", seed);
    }

    /** Reads a seed written as {@code 0x} and hex digits (as printed) or as a decimal long. */
    static long parseSeed(String text) {
        String t = text.trim();
        try {
            return t.startsWith("0x") || t.startsWith("0X")
                    ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed '" + text + "' is neither 0x-hex nor a decimal long", e);
        }
    }
}
