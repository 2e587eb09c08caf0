package org.oneneuron.cli;

import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Shows the library's log records (System.Logger, backed by java.util.logging) the way the CLI
 * writes everything else: one line {@code warning: ...} on stderr, instead of the JDK's two-line
 * timestamped form. Warnings and errors only; with {@code --debug} everything from debug level on,
 * with the logger's name.
 */
final class LibraryLogging {

    private LibraryLogging() {
    }

    /** Replaces the root logger's handlers; called once by {@link Main#main}. */
    static void install(boolean debug) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        Handler handler = new ConsoleHandler(); // writes to System.err
        handler.setFormatter(new OneLine(debug));
        Level level = debug ? Level.FINE : Level.WARNING;
        handler.setLevel(level);
        root.setLevel(level);
        root.addHandler(handler);
    }

    /** {@code warning: message}, or with the logger name in debug mode. */
    private static final class OneLine extends Formatter {
        private final boolean debug;

        OneLine(boolean debug) {
            this.debug = debug;
        }

        @Override
        public String format(LogRecord record) {
            String level = record.getLevel() == Level.SEVERE ? "error"
                    : record.getLevel().getName().toLowerCase(Locale.ROOT);
            return level + ": " + formatMessage(record)
                    + (debug ? " [" + record.getLoggerName() + "]" : "") + System.lineSeparator();
        }
    }
}
