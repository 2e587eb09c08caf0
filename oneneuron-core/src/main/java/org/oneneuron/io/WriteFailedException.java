package org.oneneuron.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * A write to disk failed (disk full, file size limit, permission lost, read-only file system, an
 * I/O error). The message is meant for the user: what could not be written, the cause in words,
 * and what state the files are left in, e.g. "cannot write model.json: the disk is full (No space
 * left on device); model.json is unchanged".
 */
public final class WriteFailedException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param what        what could not be done, e.g. "cannot write model.json"
     * @param cause       the operating system's error
     * @param consequence the state left behind, e.g. "model.json is unchanged"; empty for none
     */
    public WriteFailedException(String what, IOException cause, String consequence) {
        super(what + ": " + reason(cause) + (consequence.isEmpty() ? "" : "; " + consequence), cause);
    }

    /** The same failure seen again (e.g. by another worker after the journal failed). */
    public WriteFailedException(WriteFailedException first) {
        super(first.getMessage(), first.getCause());
    }

    /** The failed write's cause in words, with the system's own text in parentheses. */
    public static String reason(IOException e) {
        String system = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String s = system.toLowerCase(Locale.ROOT);
        String words;
        if (s.contains("no space left")) {
            words = "the disk is full";
        } else if (s.contains("quota")) {
            words = "the disk quota is exhausted";
        } else if (s.contains("file too large")) {
            words = "the file size limit was reached (see ulimit -f)";
        } else if (s.contains("read-only file system")) {
            words = "the file system is read-only";
        } else if (e instanceof AccessDeniedException || s.contains("permission denied")
                || s.contains("operation not permitted")) {
            words = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            words = "no such file or folder"; // these three carry only the path
        } else if (e instanceof FileAlreadyExistsException) {
            words = "a file is in the way of a folder";
        } else if (e instanceof NotDirectoryException) {
            words = "a file on the path is not a folder";
        } else if (s.contains("input/output error")) {
            words = "an I/O error (the disk or network file system may be failing)";
        } else {
            return system;
        }
        return words + " (" + system + ")";
    }
}
