package dev.faultlab.lab;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The labs under the labs folder, each a folder holding a lab.yaml. A folder's files are checked for
 * changes at most once per {@link #RECHECK_MILLIS} ms when the catalog is read, and a changed lab is
 * loaded again: a lab that now fails keeps its last good version in service, with its problems listed
 * (and logged) for the instructor.
 */
public final class LabCatalog {
    private static final Logger log = LoggerFactory.getLogger(LabCatalog.class);
    static final long RECHECK_MILLIS = 1000;

    /** What the catalog shows of a lab; {@code topic} (or null) replaces the protocol when that is only the workload. */
    public record LabSummary(String id, String title, String summary, String protocol, String topic) {
    }

    /** The catalog as it is now: the labs in service, and the problems of the folders that do not load. */
    public record Listing(List<LabSummary> labs, List<LabProblem> problems) {
    }

    /** One folder as last seen: its files' fingerprint, the lab in service (or null), and its problems. */
    private record Entry(String fingerprint, Lab lab, List<LabProblem> problems) {
    }

    private final Path labsDir;
    private final LabLoader loader;
    private final Clock clock;
    private final Map<String, Entry> entries = new TreeMap<>();
    private List<LabProblem> folderProblems = List.of();
    private boolean scanned;
    private long checkedAt;

    public LabCatalog(Path labsDir, ReferenceGrading grading, Clock clock) {
        this.labsDir = labsDir;
        this.loader = new LabLoader(grading);
        this.clock = clock;
    }

    /** The lab with this folder name, in its last version that loaded. */
    public Optional<Lab> lab(String id) {
        return Optional.ofNullable(current().get(id)).map(Entry::lab);
    }

    public Listing list() {
        Map<String, Entry> now = current();
        List<LabSummary> labs = new ArrayList<>();
        List<LabProblem> problems = new ArrayList<>(folderProblems);
        for (Entry entry : now.values()) {
            if (entry.lab() != null) {
                Lab lab = entry.lab();
                labs.add(new LabSummary(lab.id(), lab.title(), lab.summary(), lab.protocol(), lab.topic()));
            }
            problems.addAll(entry.problems());
        }
        return new Listing(labs, problems);
    }

    private synchronized Map<String, Entry> current() {
        long now = clock.millis();
        if (!scanned || now - checkedAt >= RECHECK_MILLIS || now < checkedAt) {
            scanned = true;
            checkedAt = now;
            rescan();
        }
        // A copy in id order: the catalog lists labs sorted, and readers never see a rescan half done.
        return Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    private void rescan() {
        if (!Files.isDirectory(labsDir)) {
            entries.clear();
            folderProblems = List.of();
            return;
        }
        List<Path> folders;
        try (Stream<Path> listing = Files.list(labsDir)) {
            folders = listing.filter(f -> Files.isRegularFile(f.resolve(LabLoader.LAB_FILE)))
                    .sorted(Comparator.comparing(Path::toString)).toList();
            folderProblems = List.of();
        } catch (IOException e) {
            log.warn("The labs folder {} cannot be listed: {}", labsDir, e.getMessage());
            folderProblems = List.of(new LabProblem("", labsDir.toString(), 0, "", "the labs folder cannot be listed: " + e.getMessage()));
            return;
        }
        List<String> seen = new ArrayList<>();
        for (Path folder : folders) {
            String id = folder.getFileName().toString();
            seen.add(id);
            String fingerprint = fingerprint(folder);
            Entry old = entries.get(id);
            if (old == null || !old.fingerprint().equals(fingerprint)) {
                entries.put(id, load(folder, fingerprint, old));
            }
        }
        entries.keySet().retainAll(seen);
    }

    private Entry load(Path folder, String fingerprint, Entry old) {
        try {
            Lab lab = loader.load(folder);
            if (old != null) {
                log.info("Lab {} reloaded (version {})", lab.id(), lab.version());
            }
            return new Entry(fingerprint, lab, List.of());
        } catch (LabLoadException e) {
            Lab kept = old == null ? null : old.lab();
            log.warn("Lab {} does not load{}:\n{}", folder.getFileName(),
                    kept == null ? "" : "; version " + kept.version() + " stays in service", e.getMessage());
            return new Entry(fingerprint, kept, e.problems());
        }
    }

    /** Size and modification time of every file in the folder: enough to notice an edit. */
    private static String fingerprint(Path folder) {
        StringBuilder print = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                print.append(file.getFileName()).append(':').append(attributes.size()).append(':')
                        .append(attributes.lastModifiedTime().toMillis()).append(';');
            }
        } catch (IOException e) {
            print.append("unreadable:").append(e.getMessage());
        }
        return print.toString();
    }
}
