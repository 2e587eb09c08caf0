package org.oneneuron.cli;

/**
 * A command's own refusal or failure with a message meant for the user (no stack trace), e.g.
 * {@code export --drop-neuron} refusing because predictions would change.
 */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The process exit code, one of {@link ExitCodes}. */
    public int exitCode() {
        return exitCode;
    }
}
