package dev.faultlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the Java blocks of a Markdown page against the files they quote. The convention (stated at the top of
 * docs/SIMULATION.md): the line before a {@code ```java} fence is {@code <!-- from: path -->}, a path from the
 * repository's root, and the block must occur in that file, line for line, ignoring each line's leading and
 * trailing whitespace; a line {@code // ...} in the block skips any number of lines of the file. A block that
 * quotes no file says so with {@code <!-- illustrative -->}. Every other Java block is a problem.
 */
final class DocExcerpts {
    static final String ELISION = "// ...";
    private static final Pattern FROM = Pattern.compile("<!--\\s*from:\\s*(\\S+)\\s*-->");
    private static final Pattern ILLUSTRATIVE = Pattern.compile("<!--\\s*illustrative\\s*-->");

    /** What was checked in one page: how many blocks quote a file, and what is wrong. */
    record Report(int quoted, int illustrative, List<String> problems) {
    }

    private DocExcerpts() {
    }

    /** Checks the page {@code doc} (a path from {@code root}). */
    static Report check(Path root, String doc) throws IOException {
        List<String> lines = Files.readAllLines(root.resolve(doc));
        List<String> problems = new ArrayList<>();
        int quoted = 0;
        int illustrative = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher from = FROM.matcher(line);
            boolean marker = from.matches() || ILLUSTRATIVE.matcher(line).matches();
            if (marker && !(i + 1 < lines.size() && lines.get(i + 1).strip().equals("```java"))) {
                problems.add(doc + ":" + (i + 1) + ": '" + line + "' must be the line right before a ```java fence");
                continue;
            }
            if (!line.equals("```java")) {
                continue;
            }
            int end = closingFence(lines, i + 1);
            if (end < 0) {
                problems.add(doc + ":" + (i + 1) + ": the ```java block is never closed");
                break;
            }
            List<String> block = lines.subList(i + 1, end);
            String before = i > 0 ? lines.get(i - 1).strip() : "";
            Matcher source = FROM.matcher(before);
            if (source.matches()) {
                quoted++;
                String problem = quoteProblem(root, source.group(1), block);
                if (problem != null) {
                    problems.add(doc + ":" + (i + 1) + ": the java block quoted from " + source.group(1) + " " + problem);
                }
            } else if (ILLUSTRATIVE.matcher(before).matches()) {
                illustrative++;
            } else {
                problems.add(doc + ":" + (i + 1) + ": the java block names no source: put '<!-- from: path/to/File.java -->' "
                        + "on the line before it, or '<!-- illustrative -->' if it quotes no file");
            }
            i = end;
        }
        return new Report(quoted, illustrative, problems);
    }

    private static int closingFence(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("```")) {
                return i;
            }
        }
        return -1;
    }

    /** Why the block is not in the file, or null if it is. */
    private static String quoteProblem(Path root, String path, List<String> block) throws IOException {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) {
            return "names a file that does not exist";
        }
        List<String> source = Files.readAllLines(file).stream().map(String::strip).toList();
        List<List<String>> segments = segments(block);
        if (segments.stream().allMatch(List::isEmpty)) {
            return "is empty";
        }
        int searchFrom = 0;
        for (List<String> segment : segments) {
            int at = indexOf(source, segment, searchFrom);
            if (at < 0) {
                return "is not in that file: " + closest(source, segment, searchFrom, block);
            }
            searchFrom = at + segment.size();
        }
        return null;
    }

    /** The block's lines, stripped, cut at every elision line. */
    private static List<List<String>> segments(List<String> block) {
        List<List<String>> segments = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : block) {
            if (line.strip().equals(ELISION)) {
                segments.add(current);
                current = new ArrayList<>();
            } else {
                current.add(line.strip());
            }
        }
        segments.add(current);
        segments.removeIf(List::isEmpty);
        return segments;
    }

    private static int indexOf(List<String> source, List<String> segment, int from) {
        for (int start = from; start + segment.size() <= source.size(); start++) {
            if (source.subList(start, start + segment.size()).equals(segment)) {
                return start;
            }
        }
        return -1;
    }

    /** Says which line of the block first differs, after the longest run of its lines the file holds. */
    private static String closest(List<String> source, List<String> segment, int from, List<String> block) {
        int best = 0;
        int bestAt = -1;
        for (int start = from; start < source.size(); start++) {
            int matched = 0;
            while (matched < segment.size() && start + matched < source.size()
                    && source.get(start + matched).equals(segment.get(matched))) {
                matched++;
            }
            if (matched > best) {
                best = matched;
                bestAt = start;
            }
        }
        String first = segment.get(best);
        int lineInBlock = lineInBlock(block, segment, best);
        if (best == 0) {
            return "its line " + lineInBlock + " '" + first + "' occurs nowhere" + (from > 0 ? " after the part before it" : "");
        }
        return "its line " + lineInBlock + " '" + first + "' differs from line " + (bestAt + best + 1)
                + " of the file, '" + (bestAt + best < source.size() ? source.get(bestAt + best) : "(end of file)") + "'";
    }

    /** The line number (from 1) within the block of the {@code index}-th line of {@code segment}. */
    private static int lineInBlock(List<String> block, List<String> segment, int index) {
        for (int start = 0; start < block.size(); start++) {
            boolean here = true;
            for (int k = 0; k <= index && here; k++) {
                here = start + k < block.size() && block.get(start + k).strip().equals(segment.get(k));
            }
            if (here) {
                return start + index + 1;
            }
        }
        return index + 1;
    }
}
