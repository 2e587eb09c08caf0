package org.oneneuron.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What to say about an option a command does not know: the command's own options it is close to
 * (a typo), or the other commands that take it (a misplaced option).
 */
final class OptionHints {

    private OptionHints() {
    }

    /** One line per unknown option with a hint; empty when there is nothing useful to say. */
    static List<String> of(UnmatchedArgumentException e) {
        CommandLine cmd = e.getCommandLine();
        List<String> lines = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String token : e.getUnmatched()) {
            if (!token.startsWith("-") || token.equals("-")) {
                continue;
            }
            String name = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
            if (!seen.add(name)) {
                continue;
            }
            List<String> close = close(name, cmd);
            if (!close.isEmpty()) {
                lines.add("Did you mean " + String.join(" or ", close) + "?");
                continue;
            }
            List<String> elsewhere = elsewhere(name, cmd);
            if (!elsewhere.isEmpty()) {
                lines.add("'" + name + "' is an option of " + String.join(", ", elsewhere) + ", not of '"
                        + cmd.getCommandName() + "'.");
            }
        }
        return lines;
    }

    /** This command's option names within a small edit distance of {@code name}. */
    static List<String> close(String name, CommandLine cmd) {
        String n = name.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (OptionSpec option : cmd.getCommandSpec().options()) {
            if (option.hidden()) {
                continue;
            }
            for (String candidate : option.names()) {
                int limit = Math.max(1, Math.min(3, candidate.length() / 4));
                if (candidate.length() > 2 && distance(n, candidate.toLowerCase(Locale.ROOT)) <= limit) {
                    out.add(candidate);
                }
            }
        }
        return out;
    }

    /**
     * The other commands that take an option of this exact name (all of them: a command line
     * registers only the command it runs, {@link Main#commandLine(String...)}).
     */
    static List<String> elsewhere(String name, CommandLine cmd) {
        List<String> out = new ArrayList<>();
        for (CommandLine sub : Main.commandLine().getSubcommands().values()) {
            if (!sub.getCommandName().equals(cmd.getCommandName())
                    && sub.getCommandSpec().findOption(name) != null) {
                out.add("'" + sub.getCommandName() + "'");
            }
        }
        return out;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
