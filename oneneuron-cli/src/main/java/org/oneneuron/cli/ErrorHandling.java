package org.oneneuron.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.regex.Pattern;
import org.oneneuron.data.DataException;
import org.oneneuron.data.HeapLimitException;
import org.oneneuron.io.InUseException;
import org.oneneuron.io.WriteFailedException;
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
        } else if (code == ExitCodes.FAILURE && !(ex instanceof CommandFailure) && !operational(ex)) {
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
        String message = withoutClassNames(cause instanceof IllegalArgumentException
                && cause.getMessage() != null ? cause.getMessage() : ex.getMessage());
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

    /**
     * For errors that escape picocli (an {@link Error} such as OutOfMemoryError): one line on
     * stderr, the trace only with {@code --debug}; returns {@link ExitCodes#FAILURE}.
     */
    static int uncaught(Throwable ex, boolean debug, PrintWriter err) {
        err.println("error: " + message(ex));
        if (debug) {
            writeTrace(ex, err);
        } else {
            err.println("(run again with --debug for the stack trace)");
        }
        err.flush();
        return ExitCodes.FAILURE;
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
        if (operational(ex)) {
            return ExitCodes.FAILURE;
        }
        if (ex instanceof DataException || ex instanceof IllegalArgumentException
                || ex instanceof UncheckedIOException) {
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.FAILURE;
    }

    /**
     * Failures of the machine, not of the input, whose messages are written for the user: a
     * folder or file in use, a failed write, data that does not fit the heap.
     */
    private static boolean operational(Throwable ex) {
        return ex instanceof InUseException || ex instanceof WriteFailedException
                || ex instanceof HeapLimitException;
    }

    /** Exception class names, qualified or not, as the JVM writes them into messages. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");

    /**
     * The message shown after {@code error: }: the exception's own message without any Java
     * exception class name in it (a wrapped cause's {@code toString()} starts with one), or, when
     * nothing is left, a plain description of what kind of failure it was.
     */
    static String message(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t.getCause() != null && t.getCause().toString().equals(t.getMessage())) {
                continue; // a wrapper whose message is its cause's toString(): read the cause
            }
            String text = withoutClassNames(t.getMessage());
            if (!text.isEmpty()) {
                return fileProblem(t, text);
            }
        }
        return kind(ex);
    }

    /** The text with every exception class name removed, trimmed; "" for null. */
    static String withoutClassNames(String text) {
        if (text == null) {
            return "";
        }
        return CLASS_NAME.matcher(text).replaceAll("").trim();
    }

    /** File-system exceptions carry only the path as their message: say what went wrong. */
    private static String fileProblem(Throwable t, String text) {
        if (t instanceof NoSuchFileException) {
            return "no such file or folder: " + text;
        }
        if (t instanceof AccessDeniedException) {
            return "permission denied: " + text;
        }
        if (t instanceof FileAlreadyExistsException) {
            return "already exists: " + text;
        }
        if (t instanceof NotDirectoryException) {
            return "not a folder: " + text;
        }
        if (t instanceof DirectoryNotEmptyException) {
            return "folder not empty: " + text;
        }
        return text;
    }

    private static String kind(Throwable ex) {
        if (ex instanceof OutOfMemoryError) {
            return "out of memory: give the JVM more heap (ONENEURON_JAVA_OPTS=-Xmx8g)";
        }
        if (ex instanceof java.io.IOException || ex instanceof UncheckedIOException) {
            return "an input/output operation failed";
        }
        if (ex instanceof ArithmeticException) {
            return "an arithmetic operation failed";
        }
        return "internal error";
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
