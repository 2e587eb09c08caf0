package org.oneneuron.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** A failed write's message says the cause in words, with the system's text beside it. */
class WriteFailedExceptionTest {

    @Test
    void theCauseIsSaidInWords() {
        assertEquals("the disk is full (No space left on device)",
                WriteFailedException.reason(new FileSystemException("m.json", null, "No space left on device")));
        assertEquals("permission denied (out/m.json)", WriteFailedException.reason(new AccessDeniedException("out/m.json")));
        assertEquals("no such file or folder (out/m.json)", WriteFailedException.reason(new NoSuchFileException("out/m.json")));
        assertEquals("a file is in the way of a folder (out)",
                WriteFailedException.reason(new java.nio.file.FileAlreadyExistsException("out")));
        assertEquals("something else", WriteFailedException.reason(new IOException("something else")));
    }

    @Test
    void theMessageNamesWhatFailedAndWhatIsLeft() {
        WriteFailedException e = new WriteFailedException("cannot write m.json",
                new FileSystemException("m.json", null, "Read-only file system"), "m.json is unchanged");
        assertEquals("cannot write m.json: the file system is read-only (Read-only file system); m.json is unchanged",
                e.getMessage());
    }
}
