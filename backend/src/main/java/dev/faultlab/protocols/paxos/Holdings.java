package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.StableLog;
import dev.faultlab.sim.StableStorage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * What a server of the slides' construction keeps on stable storage: the regime it follows and every operation it
 * holds by timestamp. Holding is written before the LEARN or ACCEPT that announces it is sent, so a crash never
 * leaves another server counting on something this one forgot. The slots are an append-only log whose latest entry
 * for a timestamp wins; the map beside it is rebuilt from the log on recovery.
 */
final class Holdings {
    static final String REGIME = "regime";
    static final String SLOTS = "slots";

    private final StableStorage stable;
    private final StableLog<Slot> log;
    private final TreeMap<Integer, Slot> slots = new TreeMap<>();

    private Holdings(StableStorage stable) {
        this.stable = stable;
        this.log = stable.log(SLOTS);
        for (Slot slot : log.entries()) {
            slots.put(slot.t(), slot);
        }
    }

    static Holdings open(StableStorage stable) {
        if (!stable.contains(REGIME)) {
            stable.put(REGIME, 0);
        }
        return new Holdings(stable);
    }

    static boolean written(StableStorage stable) {
        return stable.contains(REGIME);
    }

    int regime() {
        return stable.<Integer>get(REGIME);
    }

    void regime(int regime) {
        stable.put(REGIME, regime);
    }

    Slot at(int t) {
        return slots.get(t);
    }

    void hold(Slot slot) {
        log.append(slot);
        slots.put(slot.t(), slot);
    }

    /** The highest timestamp held, 0 if none. */
    int lastT() {
        return slots.isEmpty() ? 0 : slots.lastKey();
    }

    /** Every slot after {@code t}, in timestamp order. */
    List<Slot> after(int t) {
        return new ArrayList<>(slots.tailMap(t, false).values());
    }

    /** The last {@code limit} slots, for the state display. */
    List<Slot> last(int limit) {
        List<Slot> all = new ArrayList<>(slots.descendingMap().values());
        List<Slot> shown = new ArrayList<>(all.subList(0, Math.min(limit, all.size())));
        Collections.reverse(shown);
        return shown;
    }

    /** The held slots (a copy of the stable log, which the kernel hashes), for the server's fingerprint. */
    Object fingerprint() {
        return new TreeMap<>(slots);
    }

    int size() {
        return slots.size();
    }
}
