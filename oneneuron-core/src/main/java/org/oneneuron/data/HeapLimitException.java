package org.oneneuron.data;

/**
 * A data set will not fit the Java heap. Thrown before it is read (from the file's size or
 * header, {@link HeapCheck}), so no time is lost and no OutOfMemoryError follows; the message
 * gives the data's size, the memory it needs, the heap's limit and how to raise it.
 */
public final class HeapLimitException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    HeapLimitException(String message) {
        super(message);
    }
}
