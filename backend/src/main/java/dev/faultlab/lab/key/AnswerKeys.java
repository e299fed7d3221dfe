package dev.faultlab.lab.key;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every answer key a lab can name, by name. */
public final class AnswerKeys {
    private static final Map<String, AnswerKey> ALL = index(List.of(
            new ByzantineReceivedKey(), new ByzantineVectorKey(), new ByzantineAgreementKey(),
            new FloodingDecisionsKey(), new FloodingKnownKey(), new TwoPhaseRecoveryKey(), new TwoPhaseBlocksKey(),
            new RaftElectableKey(), new RaftCommittedKey(), new RaftTwoLeadersKey(), new DependabilityKey(), new TraceEventsKey()));

    private AnswerKeys() {
    }

    public static Optional<AnswerKey> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    private static Map<String, AnswerKey> index(List<AnswerKey> keys) {
        Map<String, AnswerKey> byName = new TreeMap<>();
        keys.forEach(key -> byName.put(key.name(), key));
        return byName;
    }
}
