package org.oneneuron.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Child-process entry for lock tests: locks the folder (or, with "file", the output file) named by
 * its first argument, prints "locked", and holds the lock until its stdin closes or it is killed.
 */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    @SuppressWarnings("try") // the lock is held for the block and never read
    public static void main(String[] args) throws IOException {
        Path path = Path.of(args[0]);
        try (WriterLock lock = args.length > 1 && args[1].equals("file")
                ? WriterLock.beside(path, "lock-holder test") : WriterLock.folder(path, "lock-holder test")) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our stdin
            }
        }
    }
}
