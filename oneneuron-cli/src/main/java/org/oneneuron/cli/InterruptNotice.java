package org.oneneuron.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * One line on stderr when the process is stopped (Ctrl-C, SIGTERM) while a long command runs,
 * saying what is kept and how to go on, e.g. "interrupted with 21 of 40 runs finished (kept in
 * runs/s1/journal.jsonl); run the same command again to resume". A JVM shutdown hook, registered
 * for the command's work and removed when the work ends, so that a normal exit says nothing.
 *
 * <p>The hook must not block or touch the command's files: it only reads what the command
 * recorded (volatile fields behind {@code message}) and writes its bytes straight to file
 * descriptor 2, taking no lock a worker thread might hold. What it reports as kept is already
 * durable (journal lines and checkpoints are forced to disk before they count).
 */
public final class InterruptNotice implements AutoCloseable {

    private final Thread hook;

    private InterruptNotice(Thread hook) {
        this.hook = hook;
    }

    /** Registers the notice; {@code message} (null for none) is asked only when the process stops. */
    public static InterruptNotice install(Supplier<String> message) {
        return install(message, new FileOutputStream(FileDescriptor.err));
    }

    static InterruptNotice install(Supplier<String> message, OutputStream err) {
        Thread hook = new Thread(() -> write(message, err), "interrupt-notice");
        Runtime.getRuntime().addShutdownHook(hook);
        return new InterruptNotice(hook);
    }

    /** The hook's work, callable without stopping the process (tests). */
    void runHook() {
        hook.run();
    }

    private static void write(Supplier<String> message, OutputStream err) {
        try {
            String text = message.get();
            if (text != null) {
                err.write((text + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
                err.flush();
            }
        } catch (IOException | RuntimeException e) {
            // Stopping anyway: a notice that cannot be written is dropped.
        }
    }

    /** The work ended (however): the notice is withdrawn. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs (or ran) and says where things stand.
        }
    }
}
