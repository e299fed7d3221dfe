package dev.faultlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The labs an instructor has put under the labs folder: each is a folder holding a lab.yaml.
 * Read from disk on every call, so a lab added or edited shows without a restart.
 */
public final class LabCatalog {
    private static final Logger log = LoggerFactory.getLogger(LabCatalog.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What the catalog shows of a lab. */
    public record LabSummary(String id, String title, String summary, String protocol) {
    }

    /** A lab folder whose lab.yaml could not be read. */
    public record LabProblem(String id, String message) {
    }

    /** The catalog as it is now: the labs that load, and the ones that do not. */
    public record Listing(List<LabSummary> labs, List<LabProblem> problems) {
    }

    private final Path labsDir;

    public LabCatalog(Path labsDir) {
        this.labsDir = labsDir;
    }

    /** The lab with this folder name, as last loaded without errors. */
    public java.util.Optional<Lab> lab(String id) {
        throw new UnsupportedOperationException("being written");
    }

    public Listing list() {
        List<LabSummary> labs = new ArrayList<>();
        List<LabProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(labsDir)) {
            return new Listing(labs, problems);
        }
        try (Stream<Path> folders = Files.list(labsDir)) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve("lab.yaml")))
                    .sorted(Comparator.comparing(Path::toString)).toList()) {
                String id = folder.getFileName().toString();
                try {
                    JsonNode lab = YAML.readTree(folder.resolve("lab.yaml").toFile());
                    labs.add(new LabSummary(id, lab.path("title").asText(id), lab.path("summary").asText(""),
                            lab.path("protocol").asText("")));
                } catch (IOException e) {
                    log.warn("Lab {} cannot be read: {}", id, e.getMessage());
                    problems.add(new LabProblem(id, e.getMessage()));
                }
            }
        } catch (IOException e) {
            log.warn("The labs folder {} cannot be listed: {}", labsDir, e.getMessage());
            problems.add(new LabProblem("", "The labs folder cannot be listed: " + e.getMessage()));
        }
        return new Listing(labs, problems);
    }
}
