package dev.faultlab.key;

import java.util.Map;
import java.util.Set;

/** Reads which option of a multiple-choice exercise is right. */
public non-sealed interface ChoiceKey extends AnswerKey {
    /** Every option id this key can answer with: the lab's options must include them all. */
    Set<String> outcomes();

    Set<String> expected(Reference reference, Map<String, Object> args);
}
