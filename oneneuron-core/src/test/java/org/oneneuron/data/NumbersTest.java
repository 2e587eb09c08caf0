package org.oneneuron.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    @Provide
    Arbitrary<String> numberish() {
        return Arbitraries.strings().withChars("0123456789+-.eE x").ofMaxLength(8);
    }

    @Property(tries = 500)
    void scannerAgreesWithTheGrammar(@ForAll("numberish") String s) {
        assertEquals(NUMBER.matcher(s).matches(), Numbers.hasNumberSyntax(s), "'" + s + "'");
    }

    @ParameterizedTest
    @CsvSource({"+1,1", "1.0,1", "-1,-1", "-0,0", "0.50,0.5", "yes,yes", "' B ',B", "1e2,100"})
    void canonicalLabels(String raw, String canonical) {
        assertEquals(canonical, Numbers.canonicalLabel(raw));
    }
}
