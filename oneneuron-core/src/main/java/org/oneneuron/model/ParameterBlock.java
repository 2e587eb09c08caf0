package org.oneneuron.model;

/**
 * One named block of the flat θ: a rows×cols row-major matrix at [offset, offset + rows·cols).
 * A vector of length k is k×1, a scalar 1×1.
 */
public record ParameterBlock(String name, int offset, int rows, int cols) {

    /** rows·cols. */
    public int size() {
        return rows * cols;
    }

    /** One past the last index. */
    public int end() {
        return offset + size();
    }
}
