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

    @ParameterizedTest
    @CsvSource({"+1,1", "1.0,1", "-1,-1", "-0,0", "0.50,0.5", "yes,yes", "' B ',B", "1e2,100"})
    void canonicalLabels(String raw, String canonical) {
        assertEquals(canonical, Numbers.canonicalLabel(raw));
    }
}
