package dev.faultlab.key;

import dev.faultlab.sim.Protocol;
import dev.faultlab.sim.ProtocolRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every answer key a lab can name, by name: the keys for runs of any protocol, and the keys each registered
 * protocol brings ({@link KeyedProtocol}). Built once from the registry the platform runs with.
 */
public final class AnswerKeys {
    private final Map<String, AnswerKey> byName;

    private AnswerKeys(Map<String, AnswerKey> byName) {
        this.byName = byName;
    }

    public static AnswerKeys of(ProtocolRegistry registry) {
        List<AnswerKey> keys = new ArrayList<>(List.of(new DependabilityKey(), new TraceEventsKey()));
        for (Protocol protocol : registry.all()) {
            if (protocol instanceof KeyedProtocol keyed) {
                for (AnswerKey key : keyed.answerKeys()) {
                    if (!protocol.id().equals(key.protocol())) {
                        throw new IllegalArgumentException("protocol " + protocol.id() + " brings the key " + key.name()
                                + ", which reads runs of " + key.protocol());
                    }
                    keys.add(key);
                }
            }
        }
        Map<String, AnswerKey> byName = new TreeMap<>();
        for (AnswerKey key : keys) {
            if (byName.putIfAbsent(key.name(), key) != null) {
                throw new IllegalArgumentException("two answer keys are named " + key.name());
            }
        }
        return new AnswerKeys(byName);
    }

    public Optional<AnswerKey> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
