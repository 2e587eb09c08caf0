package org.oneneuron.cli;

import java.util.Map;

/** Maps the library's config field names in error messages to the CLI's option names. */
public final class OptionNames {

    private static final Map<String, String> OPTIONS = Map.of(
            "learning_rate", "--lr (learning_rate)",
            "max_steps", "--steps (max_steps)",
            "batch_size", "--batch (batch_size)",
            "momentum", "--momentum",
            "clip_norm", "--clip (clip_norm)",
            "threads", "--threads",
            "scaffold tolerance", "--scaffold-tolerance",
            "scaffold growth", "--scaffold-growth",
            "scaffold rounds", "--scaffold-rounds",
            "scaffold share", "--scaffold-share");

    private OptionNames() {
    }

    /** The message with the first config field name it mentions replaced by its option. */
    public static String rename(String message) {
        if (message == null) {
            return null;
        }
        for (Map.Entry<String, String> e : OPTIONS.entrySet()) {
            if (message.startsWith(e.getKey() + " ")) {
                return e.getValue() + message.substring(e.getKey().length());
            }
        }
        return message;
    }
}
