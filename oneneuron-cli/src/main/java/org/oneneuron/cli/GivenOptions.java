package org.oneneuron.cli;

import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Which options the command line gave (a field holding its default does not count), and the
 * refusal of options that a command would otherwise read nothing from.
 */
public final class GivenOptions {

    private GivenOptions() {
    }

    /** Whether the command line of {@code spec} gave {@code option}; false before parsing or without a spec. */
    public static boolean given(CommandSpec spec, String option) {
        ParseResult parsed = spec == null ? null : spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    /**
     * Refuses the first of {@code options} the command line gave, with {@code why.apply(option)} as
     * the message: an option the command would ignore is an error, never dropped without a word.
     */
    public static void refuse(CommandSpec spec, List<String> options, UnaryOperator<String> why) {
        for (String option : options) {
            if (given(spec, option)) {
                throw new IllegalArgumentException(why.apply(option));
            }
        }
    }
}
