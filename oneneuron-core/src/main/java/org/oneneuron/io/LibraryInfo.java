package org.oneneuron.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The library's own version, filled in at build time from the Maven project version. */
public final class LibraryInfo {

    private static final String VERSION = load();

    private LibraryInfo() {
    }

    /** The library version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = LibraryInfo.class.getResourceAsStream("library.properties")) {
            if (in == null) {
                throw new IllegalStateException("library.properties missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
