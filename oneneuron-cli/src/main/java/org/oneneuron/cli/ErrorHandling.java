package org.oneneuron.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.oneneuron.data.DataException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns exceptions into one clear line on stderr and an exit code ({@link ExitCodes}); the stack
 * trace follows only with {@code --debug}.
 */
final class ErrorHandling implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code = exitCode(ex);
        err.println("error: " + message(ex));
        if (debug(parseResult)) {
            writeTrace(ex, err);
        } else if (code == ExitCodes.FAILURE && !(ex instanceof CommandFailure)) {
            err.println("(run again with --debug for the stack trace)");
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        Throwable cause = ex.getCause();
        String message = cause instanceof IllegalArgumentException && cause.getMessage() != null
                ? cause.getMessage() : ex.getMessage();
        err.println("error: " + message);
        if (ex instanceof UnmatchedArgumentException unmatched) {
            OptionHints.of(unmatched).forEach(err::println);
        }
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        if (java.util.Arrays.asList(args).contains("--debug")) {
            writeTrace(ex, err);
        }
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /** The stack trace with its causes, as the JVM prints it, to the command's error writer. */
    static void writeTrace(Throwable ex, PrintWriter err) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            err.println((t == ex ? "" : "Caused by: ") + t);
            for (StackTraceElement frame : t.getStackTrace()) {
                err.println("\tat " + frame);
            }
        }
    }

    /** The exit code for an exception thrown while a command ran. */
    static int exitCode(Throwable ex) {
        if (ex instanceof CommandFailure failure) {
            return failure.exitCode();
        }
        if (ex instanceof DataException || ex instanceof IllegalArgumentException
                || ex instanceof UncheckedIOException) {
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.FAILURE;
    }

    private static String message(Throwable ex) {
        if (ex instanceof CommandFailure || ex instanceof DataException
                || ex instanceof IllegalArgumentException) {
            return ex.getMessage();
        }
        if (ex instanceof UncheckedIOException io) {
            return io.getMessage();
        }
        String m = ex.getMessage();
        return ex.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }


    private static boolean debug(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
