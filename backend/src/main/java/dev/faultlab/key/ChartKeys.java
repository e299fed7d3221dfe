package dev.faultlab.key;

import dev.faultlab.sim.Protocol;
import dev.faultlab.sim.ProtocolRegistry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every chart key a lab's figures can name, by name, gathered from the protocols of the registry. */
public final class ChartKeys {
    private final Map<String, ChartKey> byName;

    private ChartKeys(Map<String, ChartKey> byName) {
        this.byName = byName;
    }

    public static ChartKeys of(ProtocolRegistry registry) {
        Map<String, ChartKey> byName = new TreeMap<>();
        for (Protocol protocol : registry.all()) {
            if (protocol instanceof KeyedProtocol keyed) {
                for (ChartKey key : keyed.chartKeys()) {
                    if (!protocol.id().equals(key.spec().protocol())) {
                        throw new IllegalArgumentException("protocol " + protocol.id() + " brings the chart key " + key.name()
                                + ", which draws runs of " + key.spec().protocol());
                    }
                    if (byName.putIfAbsent(key.name(), key) != null) {
                        throw new IllegalArgumentException("two chart keys are named " + key.name());
                    }
                }
            }
        }
        return new ChartKeys(byName);
    }

    public Optional<ChartKey> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
