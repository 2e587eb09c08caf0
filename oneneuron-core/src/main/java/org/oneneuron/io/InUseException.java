package org.oneneuron.io;

/**
 * Another process (or another thread of this one) holds the {@link WriterLock} of a study folder
 * or output file. The message names the folder or file, the holder (pid, host, start time and
 * command, as the holder recorded them) and what to do.
 */
public final class InUseException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    InUseException(String message) {
        super(message);
    }
}
