package dev.faultlab.key;

import java.util.Map;

/** Reads a number from a reference run. */
public non-sealed interface NumberKey extends AnswerKey {
    double expected(Reference reference, Map<String, Object> args);
}
