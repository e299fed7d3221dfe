package dev.faultlab.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lab folders for tests; TestServer reads labs from {@code dataDir/labs}. */
public final class Labs {
    private Labs() {
    }

    public static void install(Path dataDir, String id, String title) {
        try {
            Path folder = Files.createDirectories(dataDir.resolve("labs").resolve(id));
            Files.writeString(folder.resolve("lab.yaml"), "title: " + title + "\nsummary: A lab for tests.\nprotocol: flooding\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
