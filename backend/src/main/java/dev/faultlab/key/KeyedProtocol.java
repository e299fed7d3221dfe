package dev.faultlab.key;

import dev.faultlab.sim.Protocol;

import java.util.List;

/**
 * A protocol that brings the answer keys labs use to read its runs ({@code byzantine.received},
 * {@code raft.electable}, ...). Its keys live in its own folder, beside its processes and checkers, and reach
 * labs only through the protocol registry: see {@link AnswerKeys#of}.
 */
public interface KeyedProtocol extends Protocol {
    /** Fresh keys, each naming this protocol as the one whose runs it reads. */
    List<AnswerKey> answerKeys();

    /** The figures labs may draw from this protocol's runs ({@code figures:} in lab.yaml); none by default. */
    default List<ChartKey> chartKeys() {
        return List.of();
    }
}
