package org.oneneuron.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of an option that names a folder to write into, made before any work. */
public final class OutputFolders {

    private OutputFolders() {
    }

    /**
     * Refuses a folder that cannot be made because a file is in the way: the path itself, or a
     * folder on its path, is a file. A missing folder is fine (it is created).
     *
     * @param option the option that names the folder, e.g. "--out"
     * @throws IllegalArgumentException naming the option, the folder and the file in the way
     */
    public static void requireFolder(String option, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + dir + " is a file; give a folder (it is created"
                    + " when missing)");
        }
        Path existing = dir.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(option + " " + dir + " cannot be created: "
                    + existing.getFileName() + " on its path is a file");
        }
    }
}
