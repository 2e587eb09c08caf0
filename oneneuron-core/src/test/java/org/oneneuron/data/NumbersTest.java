package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oneneuron.testing.Property;

class NumbersTest {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    @Test
    void scannerAgreesWithTheGrammar() {
        Property.forAll(500, g -> {
            String s = g.string("s", "0123456789+-.eE x", 8);
            assertEquals(NUMBER.matcher(s).matches(), Numbers.hasNumberSyntax(s), "'" + s + "'");
        });
    }

    @Test
    void theFastParserGivesTheJdksBits() {
        Property.forAll(3000, g -> {
            String s = switch (g.intIn("form", 0, 3)) {
                case 0 -> Double.toString(Double.longBitsToDouble(g.seed("bits") >>> 2));
                case 1 -> String.format(java.util.Locale.ROOT, "%." + g.intIn("digits", 0, 20) + "g",
                        g.doubleIn("value", -1e6, 1e6));
                case 2 -> g.string("mantissa", "0123456789", 30) + "." + g.string("fraction", "0123456789", 30)
                        + "e" + g.intIn("exponent", -330, 310);
                default -> g.string("digits", "0123456789", 25) + "." + g.string("more", "0123456789", 5);
            };
            g.assume(Numbers.hasNumberSyntax(s));
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)),
                    Double.doubleToRawLongBits(Numbers.parseDouble(s)), "'" + s + "'");
        });
    }

    @ParameterizedTest
    @CsvSource({"+1,1", "1.0,1", "-1,-1", "-0,0", "0.50,0.5", "yes,yes", "' B ',B", "1e2,100"})
    void canonicalLabels(String raw, String canonical) {
        assertEquals(canonical, Numbers.canonicalLabel(raw));
    }
}
