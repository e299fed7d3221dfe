package dev.faultlab.lab;

import dev.faultlab.sim.ProtocolRegistry;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code validate} command: loads every lab in a folder (schema, keys, the default variant's
 * self-test) and self-tests {@code variants} more variants of each, as students would draw them.
 */
public final class LabValidator {
    private final ReferenceGrading grading;
    private final LabLoader loader;
    private final PrintStream out;

    /** {@code registry}: the protocols the labs may run, with the answer keys they bring. */
    public LabValidator(PrintStream out, ProtocolRegistry registry) {
        this.out = out;
        this.grading = new ReferenceGrading(registry);
        this.loader = new LabLoader(grading);
    }

    /** Checks {@code path}: a folder of labs, or one lab's folder. Returns the number of labs with problems. */
    public int validate(Path path, int variants) throws IOException {
        List<Path> folders = new ArrayList<>();
        if (Files.isRegularFile(path.resolve(LabLoader.LAB_FILE))) {
            folders.add(path);
        } else if (Files.isDirectory(path)) {
            try (Stream<Path> listing = Files.list(path)) {
                listing.filter(f -> Files.isRegularFile(f.resolve(LabLoader.LAB_FILE))).sorted().forEach(folders::add);
            }
        } else {
            throw new IOException(path + " is neither a lab folder nor a folder of labs");
        }
        if (folders.isEmpty()) {
            out.println("No labs in " + path + " (a lab is a folder holding " + LabLoader.LAB_FILE + ").");
        }
        int failed = 0;
        for (Path folder : folders) {
            failed += check(folder, variants) ? 0 : 1;
        }
        out.println(folders.size() - failed + " of " + folders.size() + " labs are valid.");
        return failed;
    }

    /** Where each field of the lab file is, to name the line of a self-test failure (the file loaded a moment ago). */
    private static YamlLocations locations(Path folder) {
        try {
            return YamlLocations.of(Files.readString(folder.resolve(LabLoader.LAB_FILE)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private boolean check(Path folder, int variants) {
        String id = folder.getFileName().toString();
        String file = id + "/" + LabLoader.LAB_FILE;
        Lab lab;
        try {
            lab = loader.load(folder);
        } catch (LabLoadException e) {
            e.problems().forEach(problem -> out.println("  " + problem));
            out.println("FAIL " + id);
            return false;
        }
        List<String> problems = new ArrayList<>();
        YamlLocations locations = locations(folder);
        for (int student = 1; student <= variants; student++) {
            VariantKey key = new VariantKey(0, student, id);
            for (LabSelfTest.Finding finding : LabSelfTest.check(lab, grading, key)) {
                problems.add(new LabProblem(id, file, locations.line(YamlLocations.pointerOf(finding.field())), finding.field(),
                        finding.message() + " (variant of student " + student + ")").toString());
            }
        }
        if (problems.isEmpty()) {
            for (ExplorerChecks.Line line : ExplorerChecks.check(lab, grading.defaultReference(lab))) {
                LabProblem at = new LabProblem(id, file, locations.line(YamlLocations.pointerOf(line.field())), line.field(), line.text());
                if (line.problem()) {
                    problems.add(at.toString());
                } else {
                    out.println("  " + at);
                }
            }
        }
        problems.stream().distinct().forEach(problem -> out.println("  " + problem));
        out.println((problems.isEmpty() ? "ok   " : "FAIL ") + id + " (" + lab.exercises().size() + " exercises, default variant and "
                + variants + " drawn variants, version " + lab.version() + ")");
        return problems.isEmpty();
    }
}
