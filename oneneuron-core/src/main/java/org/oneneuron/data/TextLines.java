package org.oneneuron.data;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Lines of a UTF-8 text source with 1-based line numbers. Bad encoding (bytes that are not UTF-8,
 * or a U+FFFD replacement character) and I/O failures become {@link DataException}s naming the
 * source and line.
 */
final class TextLines implements Closeable {
    /** What the decoder puts in place of bytes that are not UTF-8. */
    private static final char REPLACEMENT = '\uFFFD';

    private final BufferedReader reader;
    private final String source;
    private int lineNumber;

    TextLines(InputStream in, String source) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        this.source = source;
    }

    /** The next line without its terminator, or null at the end; the first line loses a BOM. */
    String next() {
        String line;
        try {
            line = reader.readLine();
        } catch (IOException e) {
            throw new DataException(source, lineNumber + 1, null, "cannot read: " + e.getMessage());
        }
        if (line == null) {
            return null;
        }
        lineNumber++;
        if (line.indexOf(REPLACEMENT) >= 0) {
            throw new DataException(source, lineNumber, null, "not UTF-8 text (bad byte sequence at character "
                    + (line.indexOf(REPLACEMENT) + 1) + ")");
        }
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        return line;
    }

    /** The 1-based number of the line last returned by {@link #next()}. */
    int lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new DataException(source, "cannot close: " + e.getMessage());
        }
    }

    /** Opens a file for reading, turning a missing or unreadable file into a DataException. */
    static InputStream open(Path file) {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new DataException(source, "is a directory, expected a data file");
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DataException(source, "file not found");
        } catch (AccessDeniedException e) {
            throw new DataException(source, "permission denied");
        } catch (IOException e) {
            throw new DataException(source, "cannot open: " + e.getMessage());
        }
    }
}
