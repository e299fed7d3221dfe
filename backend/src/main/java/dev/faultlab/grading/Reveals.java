package dev.faultlab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultlab.lab.Lab;
import dev.faultlab.lab.LabGrading;
import dev.faultlab.lab.VariantKey;
import dev.faultlab.key.Solution;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Expected answers with their worked solutions, as a reveal shows them, most recently used kept. They follow from
 * the lab's version and the variant alone, yet every submit after a reveal and every lab page shows them again,
 * and working a solution out of the reference run costs more than the rest of a submit's grading.
 */
final class Reveals {
    /** A lab version names its files' content, so the same key always reveals the same answer. */
    private record Key(String labId, String labVersion, VariantKey variant, String exerciseId, int attempt) {
    }

    /** The expected answer in the shape of an answer, and how it follows from the run. */
    record Reveal(JsonNode expected, Solution solution) {
    }

    private final LabGrading grading;
    private final Map<Key, Reveal> cache;

    Reveals(LabGrading grading, int capacity) {
        this.grading = grading;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Reveal> eldest) {
                return size() > capacity;
            }
        };
    }

    Reveal of(Lab lab, VariantKey variant, String exerciseId, int attempt) {
        Key key = new Key(lab.id(), lab.version(), variant, exerciseId, attempt);
        synchronized (cache) {
            Reveal cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Reveal reveal = new Reveal(grading.expected(lab, variant, exerciseId, attempt),
                grading.solution(lab, variant, exerciseId, attempt));
        synchronized (cache) {
            cache.putIfAbsent(key, reveal);
            return cache.get(key);
        }
    }
}
