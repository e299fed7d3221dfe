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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The labs under the labs folder, each a folder holding a lab.yaml. A folder's files are checked for
 * changes at most once per {@link #RECHECK_MILLIS} ms when the catalog is read, and a changed lab is
 * loaded again: a lab that now fails (its files, its keys or its self-test) keeps its last good version in
 * service, and is listed as broken, with its problems, for instructors (and logged).
 * <p>
 * Loading a lab runs its reference run and self-test, so only the first scan (at start) loads on the
 * caller's thread; later loads run on one background thread, and readers are served the version in
 * service until the new one is ready. Each version is loaded and self-tested once.
 */
public final class LabCatalog {
    private static final Logger log = LoggerFactory.getLogger(LabCatalog.class);
    static final long RECHECK_MILLIS = 1000;

    /** What the catalog shows of a lab; {@code topic} (or null) replaces the protocol when that is only the workload. */
    public record LabSummary(String id, String title, String summary, String protocol, String topic) {
    }

    /**
     * A lab folder whose files do not load or whose self-test fails now; {@code title} and {@code version} are
     * those of the last good version, still in service, or null when no version of it ever loaded.
     */
    public record BrokenLab(String id, String title, String version) {
    }

    /** The catalog as it is now: the labs in service, the broken ones, and every problem found. */
    public record Listing(List<LabSummary> labs, List<BrokenLab> broken, List<LabProblem> problems) {
    }

    /** One folder as last seen: its files' fingerprint, the lab in service (or null), and its problems. */
    private record Entry(String fingerprint, Lab lab, List<LabProblem> problems) {
    }

    private final Path labsDir;
    private final LabLoader loader;
    private final Clock clock;
    private final Executor background;
    private final Map<String, Entry> entries = new TreeMap<>();
    /** The fingerprint each folder is being loaded at in the background: a load still running is not started again. */
    private final Map<String, String> loading = new HashMap<>();
    private List<LabProblem> folderProblems = List.of();
    private long checkedAt;

    public LabCatalog(Path labsDir, ReferenceGrading grading, Clock clock) {
        // At most one loader thread, gone again after a minute without edits.
        this(labsDir, grading, clock, new ThreadPoolExecutor(0, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "lab-loader");
            thread.setDaemon(true);
            return thread;
        }));
    }

    LabCatalog(Path labsDir, ReferenceGrading grading, Clock clock, Executor background) {
        this.labsDir = labsDir;
        this.loader = new LabLoader(grading);
        this.clock = clock;
        this.background = background;
        synchronized (this) {
            checkedAt = clock.millis();
            rescan(Runnable::run);
        }
    }

    /** The lab with this folder name, in its last version that loaded. */
    public Optional<Lab> lab(String id) {
        return Optional.ofNullable(current().get(id)).map(Entry::lab);
    }

    public Listing list() {
        Map<String, Entry> now = current();
        List<LabSummary> labs = new ArrayList<>();
        List<BrokenLab> broken = new ArrayList<>();
        List<LabProblem> problems = new ArrayList<>(folderProblems);
        now.forEach((id, entry) -> {
            Lab lab = entry.lab();
            if (lab != null) {
                labs.add(new LabSummary(lab.id(), lab.title(), lab.summary(), lab.protocol(), lab.topic()));
            }
            if (!entry.problems().isEmpty()) {
                broken.add(new BrokenLab(id, lab == null ? null : lab.title(), lab == null ? null : lab.version()));
            }
            problems.addAll(entry.problems());
        });
        return new Listing(labs, broken, problems);
    }

    private synchronized Map<String, Entry> current() {
        long now = clock.millis();
        if (now - checkedAt >= RECHECK_MILLIS || now < checkedAt) {
            checkedAt = now;
            rescan(background);
        }
        // A copy in id order: the catalog lists labs sorted, and readers never see a rescan half done.
        return Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    private void rescan(Executor executor) {
        if (!Files.isDirectory(labsDir)) {
            entries.clear();
            loading.clear();
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
            boolean loaded = old != null && old.fingerprint().equals(fingerprint);
            if (!loaded && !fingerprint.equals(loading.get(id))) {
                loading.put(id, fingerprint);
                executor.execute(() -> load(folder, id, fingerprint));
            }
        }
        entries.keySet().retainAll(seen);
        loading.keySet().retainAll(seen);
    }

    /** Loads (and self-tests) one folder, then puts the result in service unless the folder changed meanwhile. */
    private void load(Path folder, String id, String fingerprint) {
        Lab lab = null;
        List<LabProblem> problems = List.of();
        try {
            lab = loader.load(folder);
        } catch (LabLoadException e) {
            problems = e.problems();
        } catch (RuntimeException e) {
            log.error("Lab {} could not be loaded", id, e);
            problems = List.of(new LabProblem(id, id + "/" + LabLoader.LAB_FILE, 0, "", "the lab could not be loaded: " + e));
        }
        synchronized (this) {
            if (!fingerprint.equals(loading.get(id))) {
                return;
            }
            loading.remove(id);
            Entry old = entries.get(id);
            if (lab != null) {
                if (old != null) {
                    log.info("Lab {} reloaded (version {})", id, lab.version());
                }
                entries.put(id, new Entry(fingerprint, lab, List.of()));
            } else {
                Lab kept = old == null ? null : old.lab();
                log.warn("Lab {} does not load{}:\n{}", id, kept == null ? "" : "; version " + kept.version() + " stays in service",
                        problems.stream().map(LabProblem::toString).reduce((a, b) -> a + "\n" + b).orElse(""));
                entries.put(id, new Entry(fingerprint, kept, problems));
            }
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
