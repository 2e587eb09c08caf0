package org.oneneuron.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Indented JSON text written through Jackson's streaming generator, with the pretty printer an
 * {@code ObjectMapper} uses for {@code INDENT_OUTPUT}, so the text is the same as the mapper's
 * for the same values. The streaming layer is a few dozen classes; the data-binding mapper is
 * several hundred, and writing through one costs a fresh JVM ~0.17 s more (docs/PERFORMANCE.md),
 * which {@code train --json --out} paid for a model file and a result made of plain values.
 */
public final class JsonText {

    /**
     * Characters outside the Basic Multilingual Plane go out as their four UTF-8 bytes, as the
     * text's encoding writes them, not as an escaped surrogate pair (the byte generator's default).
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    /** Jackson's description of where a parse failed, e.g. "[Source: REDACTED (…); line: 1, column: 28]". */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");

    /**
     * Jackson's message for NaN or ±Infinity (as Python's json.dump writes them), which names the
     * parser setting that would accept them.
     */
    private static final Pattern NON_NUMERIC = Pattern.compile("Non-standard token '([^']*)': enable `[^`]*` to allow");

    /** What is left of any other hint to enable one of Jackson's settings. */
    private static final Pattern ENABLE_HINT = Pattern.compile(": enable `[^`]*` to allow"
            + "|\\s*\\(not recognized as one since Feature '[^']*' not enabled for parser\\)");

    private JsonText() {
    }

    /**
     * What is wrong with unparsable JSON, for a user: Jackson's message without its location
     * suffix, with a nested location (where an unclosed array started) as "line L, column C"
     * instead of Jackson's source description, and without the names of Jackson's settings (NaN
     * or Infinity reads "it holds NaN, which JSON does not allow").
     */
    public static String problem(JsonProcessingException e) {
        String message = SOURCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
        message = NON_NUMERIC.matcher(message).replaceAll(m -> java.util.regex.Matcher.quoteReplacement("it holds "
                + m.group(1) + ", which JSON does not allow (NaN and Infinity are not JSON numbers)"));
        return ENABLE_HINT.matcher(message).replaceAll("");
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

    /**
     * The same text as {@link #of}, encoded as UTF-8 by the generator itself: for files, where a
     * String would be built from chars, compressed and encoded again (a model file of 51,000
     * parameters: ~0.04 s of a fresh JVM's write).
     */
    public static byte[] utf8(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator out = FACTORY.createGenerator(bytes, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            body.write(out);
        } catch (IOException e) { // a ByteArrayOutputStream does not fail
            throw new UncheckedIOException("cannot write JSON text", e);
        }
        return bytes.toByteArray();
    }
}
