package org.oneneuron.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Indented JSON text written through Jackson's streaming generator, with the pretty printer an
 * {@code ObjectMapper} uses for {@code INDENT_OUTPUT}, so the text is the same as the mapper's
 * for the same values. The streaming layer is a few dozen classes; the data-binding mapper is
 * several hundred, and writing through one costs a fresh JVM ~0.17 s more (docs/PERFORMANCE.md),
 * which {@code train --json --out} paid for a model file and a result made of plain values.
 */
public final class JsonText {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonText() {
    }

    /** What writes one JSON value to the generator. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    /** The indented text {@code body} writes (no trailing newline). */
    public static String of(Body body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text).useDefaultPrettyPrinter()) {
            body.write(out);
        } catch (IOException e) { // a StringWriter does not fail
            throw new UncheckedIOException("cannot write JSON text", e);
        }
        return text.toString();
    }
}
