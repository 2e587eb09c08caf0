package org.oneneuron.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The property helper itself: same seed same case, failures that replay, honest case counts. */
class PropertyTest {

    private static String draws(long seed) {
        Gen g = new Gen(seed);
        g.seed("s");
        g.intIn("i", -3, 9);
        g.doubleIn("x", -1, 1);
        g.bool("b");
        g.oneOf("o", List.of("p", "q", "r"));
        g.bytes("bytes", 20);
        g.string("t", "ab\"\n", 6);
        g.doubles("v", 1, 4, 0, 1);
        return g.drawn();
    }

    @Test
    void aSeedDeterminesEveryDrawAndTheRecordNamesThem() {
        assertEquals(draws(42), draws(42));
        assertTrue(!draws(42).equals(draws(43)));
        assertTrue(draws(42).matches("s=-?\\d+, i=-?\\d, x=\\S+, b=(true|false), o=[pqr], bytes=base64:\\S*, "
                + "t=\".*\", v=\\[.*\\]"), draws(42));
    }

    @Test
    void boundedDrawsStayInRangeAndHitTheBounds() {
        Gen g = new Gen(7);
        boolean[] seen = new boolean[5];
        for (int k = 0; k < 400; k++) {
            int i = g.intIn("i", -2, 5);
            double x = g.doubleIn("x", -1.5, 2.5);
            assertTrue(i >= -2 && i <= 5 && x >= -1.5 && x <= 2.5, i + " " + x);
            assertTrue(g.bytes("b", 3).length <= 3);
            seen[0] |= i == -2;
            seen[1] |= i == 5;
            seen[2] |= x == -1.5;
            seen[3] |= x == 2.5;
            seen[4] |= x == 0.0;
        }
        assertEquals("[true, true, true, true, true]", java.util.Arrays.toString(seen), "edges -2, 5, -1.5, 2.5, 0");
        assertThrows(IllegalArgumentException.class, () -> g.intIn("bad", 2, 1));
    }

    @Test
    void aFailureNamesThePropertyCaseSeedAndDrawsAndItsSeedReplaysIt() {
        Property.Body body = g -> {
            int n = g.intIn("n", 0, 1000);
            assertTrue(n % 7 != 3, "n is 3 mod 7");
        };
        AssertionError e = assertThrows(AssertionError.class, () -> Property.forAll(200, body));
        String message = e.getMessage();
        String name = "PropertyTest#aFailureNamesThePropertyCaseSeedAndDrawsAndItsSeedReplaysIt";
        assertTrue(message.startsWith(name + " failed on case "), message);
        assertTrue(message.contains("n is 3 mod 7"), message);
        Matcher seed = Pattern.compile("with seed (0x[0-9a-f]{16})").matcher(message);
        assertTrue(seed.find(), message);
        assertTrue(message.contains("-Dtest='" + name + "' -D" + Property.CASE_SEED + "=" + seed.group(1)), message);
        Matcher n = Pattern.compile("drawn: n=(\\d+)").matcher(message);
        assertTrue(n.find() && Integer.parseInt(n.group(1)) % 7 == 3, message);

        AssertionError replayed = assertThrows(AssertionError.class,
                () -> Property.check(name, Property.parseSeed(seed.group(1)), body));
        assertTrue(replayed.getMessage().startsWith(name + " failed on the replayed case with seed " + seed.group(1)
                + System.lineSeparator() + "  drawn: n=" + n.group(1) + System.lineSeparator()), replayed.getMessage());
    }

    @Test
    void rejectedCasesAreDrawnAnewAndTooManyFailTheProperty() {
        List<Integer> accepted = new ArrayList<>();
        Property.forAll(100, g -> {
            int i = g.intIn("i", 0, 9);
            g.assume(i % 2 == 0);
            accepted.add(i);
        });
        assertEquals(100, accepted.size());
        assertTrue(accepted.stream().allMatch(i -> i % 2 == 0));
        AssertionError e = assertThrows(AssertionError.class, () -> Property.forAll(10, g -> g.assume(false)));
        assertTrue(e.getMessage().contains("assume() rejected 51 cases while 0 were accepted of 10"), e.getMessage());
    }

    @Test
    void everyRunChecksTheSameCasesAndSeedsParseAsPrinted() {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        Property.check("p", 5, new SplittableRandom(1), g -> first.add(g.seed("s")));
        Property.check("p", 5, new SplittableRandom(1), g -> second.add(g.seed("s")));
        assertEquals(first, second);
        for (long s : new long[] {0, -1, Long.MIN_VALUE, 123456789}) {
            assertEquals(s, Property.parseSeed(Property.hex(s)));
            assertEquals(s, Property.parseSeed(Long.toString(s)));
        }
        assertThrows(IllegalArgumentException.class, () -> Property.parseSeed("0xZZ"));
    }
}
