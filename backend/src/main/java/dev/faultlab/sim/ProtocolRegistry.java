package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The protocols a platform offers, by id, in the order they were registered. */
public final class ProtocolRegistry {
    private final Map<String, Protocol> protocols = new LinkedHashMap<>();

    public ProtocolRegistry(List<Protocol> all) {
        for (Protocol protocol : all) {
            if (protocols.putIfAbsent(protocol.id(), protocol) != null) {
                throw new IllegalArgumentException("two protocols share the id " + protocol.id());
            }
        }
    }

    public Optional<Protocol> find(String id) {
        return Optional.ofNullable(protocols.get(id));
    }

    public List<Protocol> all() {
        return new ArrayList<>(protocols.values());
    }
}
