package dev.faultlab.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Lab folders for tests; TestServer reads labs from {@code dataDir/labs}. */
public final class Labs {
    private Labs() {
    }

    /** The repository's own labs/ folder (tests run in backend/). */
    public static final Path REPOSITORY_LABS = Path.of(System.getProperty("user.dir")).getParent().resolve("labs");

    /** Copies a lab of the repository's labs/ folder, as it is, into the test server's labs folder. */
    public static void copyFromRepository(Path dataDir, String id) {
        Path from = REPOSITORY_LABS.resolve(id);
        Path to = dataDir.resolve("labs").resolve(id);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A lab folder whose lab.yaml is not even YAML: the catalog lists it among its problems. */
    public static void installBroken(Path dataDir, String id) {
        write(dataDir, id, "title: [unclosed\n");
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
