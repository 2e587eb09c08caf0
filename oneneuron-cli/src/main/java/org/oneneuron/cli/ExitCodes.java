package org.oneneuron.cli;

/** The process exit codes of every {@code oneneuron} command. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command ran but failed: numerical trouble, a refused export, an internal error. */
    public static final int FAILURE = 1;
    /** Bad input or usage: unreadable data, invalid option values, unknown model format. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
