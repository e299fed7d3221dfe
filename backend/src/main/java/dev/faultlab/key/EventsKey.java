package dev.faultlab.key;

import java.util.List;
import java.util.Map;

/** Reads the trace events a trace question asks for, by their index in the reference run's trace. */
public non-sealed interface EventsKey extends AnswerKey {
    List<Integer> expected(Reference reference, Map<String, Object> args);
}
