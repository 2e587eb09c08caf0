package org.oneneuron.spark;

import java.util.regex.Pattern;

/**
 * Spark's failures in words for the user: the first line of a message (Spark appends stack traces
 * to its messages), without the Java class names Spark puts in front of a cause.
 */
final class Failures {

    /** "java.lang.IllegalStateException: " and the like at the start of a message or after ": ". */
    private static final Pattern CLASS_PREFIX = Pattern.compile(
            "(^|: )(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error|Failure)(?:: |$)");

    private Failures() {
    }

    /** The message of {@code e}, or of the innermost cause that has one, in one line without class names. */
    static String words(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
                if (!(t.getCause() != null && t.getMessage().equals(String.valueOf(t.getCause())))) {
                    break;
                }
            }
        }
        if (message == null) {
            return "no reason given (run with ONENEURON_JAVA_OPTS=-Dlog4j2.level=info for Spark's log)";
        }
        return firstLine(message);
    }

    /** The first line of {@code message}, class names removed. */
    static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = (newline < 0 ? message : message.substring(0, newline)).trim();
        String cleaned = CLASS_PREFIX.matcher(line).replaceAll("$1").trim();
        return cleaned.isEmpty() ? line : cleaned;
    }
}
