package dev.faultlab.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lab folders for tests; TestServer reads labs from {@code dataDir/labs}. */
public final class Labs {
    private Labs() {
    }

    /** A small valid lab: flooding consensus with one table exercise. */
    public static void install(Path dataDir, String id, String title) {
        write(dataDir, id, """
                title: %s
                summary: A lab for tests.
                protocol: flooding
                scenario:
                  params: {n: 3, f: 1, values: [3, 1, 2]}
                exercises:
                  - id: decisions
                    type: table
                    title: Who decides what
                    prompt: Enter each process's decision.
                    points: 1
                    answer: {key: flooding.decisions}
                """.formatted(title));
    }

    /** Writes {@code yaml} as the lab.yaml of lab {@code id}. */
    public static Path write(Path dataDir, String id, String yaml) {
        try {
            Path folder = Files.createDirectories(dataDir.resolve("labs").resolve(id));
            Files.writeString(folder.resolve("lab.yaml"), yaml);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
