package org.oneneuron.testing;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The random inputs of one case of a {@link Property}. Every draw comes from one generator seeded
 * with the case's seed, so the seed replays the case exactly, and every draw is recorded under its
 * name, so a failure can say which inputs broke the property.
 *
 * <p>Bounded draws are edge-biased: one draw in {@value #EDGE_ODDS} is a bound of the range (or 0
 * when the range holds it), because that is where code breaks. {@link #seed} is not: it is a plain
 * 64-bit value for code that builds its own {@link SplittableRandom}.
 */
public final class Gen {
    /** One bounded draw in this many is an edge value (min, max or 0). */
    static final int EDGE_ODDS = 8;
    private static final int MAX_RECORD = 4000;

    private final SplittableRandom random;
    private final StringBuilder drawn = new StringBuilder();

    /** A generator for the case with this seed. */
    Gen(long seed) {
        random = new SplittableRandom(seed);
    }

    /** Thrown by {@link #assume} when a case's inputs are outside the property's domain. */
    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rejected() {
            super("case rejected by assume()", null, false, false);
        }
    }

    /** A uniform 64-bit seed, for code under test (or fixtures) that make their own generator. */
    public long seed(String name) {
        long value = random.nextLong();
        note(name, Long.toString(value));
        return value;
    }

    /** An int in [min, max], both included, edge-biased. */
    public int intIn(String name, int min, int max) {
        int value = anyInt(min, max);
        note(name, Integer.toString(value));
        return value;
    }

    /** A double in [min, max], both included, edge-biased. */
    public double doubleIn(String name, double min, double max) {
        double value = anyDouble(min, max);
        note(name, Double.toString(value));
        return value;
    }

    /** True or false with equal odds. */
    public boolean bool(String name) {
        boolean value = random.nextBoolean();
        note(name, Boolean.toString(value));
        return value;
    }

    /** One of the options, each with equal odds. */
    public <T> T oneOf(String name, List<T> options) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("no options to choose '" + name + "' from");
        }
        T value = options.get(random.nextInt(options.size()));
        note(name, String.valueOf(value));
        return value;
    }

    /** One of the constants of an enum, each with equal odds. */
    public <E extends Enum<E>> E oneOf(String name, Class<E> type) {
        return oneOf(name, List.of(type.getEnumConstants()));
    }

    /** Random bytes, length in [0, maxLength] (edge-biased), recorded as base64. */
    public byte[] bytes(String name, int maxLength) {
        byte[] value = new byte[anyInt(0, maxLength)];
        random.nextBytes(value);
        note(name, "base64:" + Base64.getEncoder().encodeToString(value));
        return value;
    }

    /** A string of characters from the alphabet, length in [0, maxLength] (edge-biased). */
    public String string(String name, String alphabet, int maxLength) {
        char[] value = new char[anyInt(0, maxLength)];
        for (int i = 0; i < value.length; i++) {
            value[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        String text = new String(value);
        note(name, quoted(text));
        return text;
    }

    /** Doubles in [min, max] (each edge-biased), length in [minLength, maxLength] (edge-biased). */
    public double[] doubles(String name, int minLength, int maxLength, double min, double max) {
        double[] value = new double[anyInt(minLength, maxLength)];
        for (int i = 0; i < value.length; i++) {
            value[i] = anyDouble(min, max);
        }
        note(name, Arrays.toString(value));
        return value;
    }

    /** Rejects this case unless the condition holds: it is not checked and does not count. */
    public void assume(boolean condition) {
        if (!condition) {
            throw new Rejected();
        }
    }

    /** The draws so far, as {@code name=value, ...}. */
    String drawn() {
        return drawn.toString();
    }

    private int anyInt(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
        }
        if (random.nextInt(EDGE_ODDS) == 0) {
            return switch (random.nextInt(3)) {
                case 0 -> min;
                case 1 -> max;
                default -> min <= 0 && 0 <= max ? 0 : min;
            };
        }
        return (int) random.nextLong(min, (long) max + 1);
    }

    private double anyDouble(double min, double max) {
        if (!(min <= max) || Double.isInfinite(max - min)) {
            throw new IllegalArgumentException("bad range [" + min + ", " + max + "]");
        }
        if (min == max) {
            return min;
        }
        if (random.nextInt(EDGE_ODDS) == 0) {
            return switch (random.nextInt(3)) {
                case 0 -> min;
                case 1 -> max;
                default -> min <= 0 && 0 <= max ? 0.0 : min;
            };
        }
        return random.nextDouble(min, max);
    }

    private void note(String name, String value) {
        if (drawn.length() >= MAX_RECORD) {
            return;
        }
        if (drawn.length() > 0) {
            drawn.append(", ");
        }
        drawn.append(name).append('=').append(value);
        if (drawn.length() >= MAX_RECORD) {
            drawn.setLength(MAX_RECORD);
            drawn.append(" ...");
        }
    }

    private static String quoted(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 || c > 0x7e ? String.format(Locale.ROOT, "\\u%04x", (int) c) : c);
            }
        }
        return sb.append('"').toString();
    }
}
