package org.oneneuron.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** Entry point of the {@code oneneuron} command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        LibraryLogging.install(debug);
        System.exit(run(new FileOutputStream(FileDescriptor.out), null, args));
    }

    /**
     * Runs {@code args} with standard output on {@code stdout} and errors on {@code err} (stderr
     * when null), as {@link #main} does, without exiting; returns the exit code. A failed write to
     * {@code stdout} makes it 1, with its cause on stderr ({@link StandardOutput}).
     */
    static int run(OutputStream stdout, PrintWriter err, String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        StandardOutput recorded = new StandardOutput(stdout);
        PrintWriter out = recorded.writer();
        CommandLine cmd = null;
        int code;
        try {
            cmd = commandLine(args);
            cmd.setOut(out);
            if (err != null) {
                cmd.setErr(err);
            }
            code = cmd.execute(args);
        } catch (OutOfMemoryError e) {
            code = OutOfMemory.report(e, debug);
        } catch (RuntimeException | Error e) { // what picocli's handlers do not catch
            code = ErrorHandling.uncaught(e, debug, err != null ? err : new PrintWriter(System.err, true));
        }
        PrintWriter errors = err != null ? err : cmd != null ? cmd.getErr() : new PrintWriter(System.err, true);
        return StandardOutput.checked(code, out, recorded, errors);
    }

    /** A fully configured command line with every subcommand, writing to stdout and stderr. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * A fully configured command line for {@code args}: when they start with a subcommand's name
     * (other than {@code help}), only that one is registered. Picocli builds each registered
     * command's model from its annotations, ~0.13 s for all of them in a fresh JVM against a few
     * hundredths for one (docs/PERFORMANCE.md); the top-level help (also {@code -h train}),
     * {@code help}, and the suggestions for a mistyped name see them all.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cmd = new CommandLine(new OneNeuronCommand());
        String named = args.length > 0 ? args[0] : "";
        List<Class<?>> chosen = OneNeuronCommand.SUBCOMMANDS.stream()
                .filter(c -> !named.equals("help") && named.equals(c.getAnnotation(Command.class).name()))
                .toList();
        for (Class<?> command : chosen.isEmpty() ? OneNeuronCommand.SUBCOMMANDS : chosen) {
            cmd.addSubcommand(command);
        }
        for (CommandLine sub : cmd.getSubcommands().values()) {
            ensureHelpOption(sub.getCommandSpec());
            // Every --help shows the defaults (read from the library's config records).
            sub.getCommandSpec().usageMessage().showDefaultValues(true);
        }
        ErrorHandling errors = new ErrorHandling();
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        cmd.setExecutionStrategy(Main::applyCommonOptionsThenRun);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        return cmd;
    }

    /**
     * Runs {@code args} with output captured by the given writers; returns the exit code, 1 when
     * {@code out} ends in error (a failed write, which a PrintWriter only records).
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = commandLine(args);
        cmd.setOut(out);
        cmd.setErr(err);
        return StandardOutput.checked(cmd.execute(args), out, null, err);
    }

    private static int applyCommonOptionsThenRun(ParseResult parseResult) {
        ParseResult last = parseResult;
        while (last.subcommand() != null) {
            last = last.subcommand();
        }
        for (var mixin : last.commandSpec().mixins().values()) {
            if (mixin.userObject() instanceof CommonOptions common) {
                try {
                    common.apply();
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(last.commandSpec().commandLine(),
                            e.getMessage(), e);
                }
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** Every command answers -h/--help, also those written without mixinStandardHelpOptions. */
    private static void ensureHelpOption(CommandSpec spec) {
        if (spec.options().stream().noneMatch(OptionSpec::usageHelp)) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
    }
}
