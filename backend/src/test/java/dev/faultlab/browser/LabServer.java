package dev.faultlab.browser;

import dev.faultlab.support.ReferenceAnswers;
import dev.faultlab.support.TestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A server with one shipped lab installed, for the browser tests of that lab: started with a data folder of its own
 * before the class's tests and stopped, its folder removed, after them. Register it on a static field with
 * {@code @RegisterExtension}; {@link #student()} works through the lab as a student does.
 */
final class LabServer implements BeforeAllCallback, AfterAllCallback {
    private final String labId;
    private Path dataDir;
    private TestServer server;
    private StudentInLab student;

    LabServer(String labId) {
        this.labId = labId;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("faultlab-" + labId + "-");
        ReferenceAnswers.installLab(dataDir, labId);
        server = TestServer.start(dataDir);
        student = new StudentInLab(server, new ReferenceAnswers(dataDir, labId), labId);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    TestServer server() {
        return server;
    }

    StudentInLab student() {
        return student;
    }
}
