package dev.faultlab.protocols.flp;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Enabled;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;

import java.util.List;
import java.util.Map;

/** Recipes and the scripted adversary the FLP tests share. */
final class FlpRuns {
    static final ProtocolRegistry REGISTRY = Protocols.registry();

    private FlpRuns() {
    }

    static Recipe recipe(List<Integer> inputs) {
        return Recipe.of(Flp.ID, Map.of("n", inputs.size(), "inputs", inputs), 1);
    }

    /**
     * The adversary for inputs 0 1 1, worked out by hand: in each round P2 hears P3's report first and P3 hears P1's,
     * so only P2 proposes 1; then P1 hears P3's "?" (it falls back to its own 0) and P3 hears P2's 1. The round ends
     * where it began, 0 1 1, and nothing else is ever delivered. Returns whether the message may go next.
     */
    static boolean scripted(int from, int to, Message message) {
        if (message instanceof Report) {
            return (from == 2 && to == 1) || (from == 0 && to == 2) || (from == 1 && to == 0);
        }
        if (message instanceof Propose) {
            return (from == 2 && to == 0) || (from == 1 && to == 2) || (from == 0 && to == 1);
        }
        return false;
    }

    /** Steps the explorer's run by the scripted adversary's first allowed delivery; false when none is enabled. */
    static boolean scriptedStep(Simulation run) {
        List<Enabled> enabled = run.enabled();
        for (int i = 0; i < enabled.size(); i++) {
            Enabled item = enabled.get(i);
            if (item.kind().equals("start")) {
                run.choose(i);
                return true;
            }
        }
        for (int i = 0; i < enabled.size(); i++) {
            Enabled item = enabled.get(i);
            if (item.kind().equals("deliver") && scripted(item.peer(), item.node(), messageOf(run, item.message()))) {
                run.choose(i);
                return true;
            }
        }
        return false;
    }

    static Message messageOf(Simulation run, int id) {
        for (int i = run.trace().size() - 1; i >= 0; i--) {
            var event = run.trace().event(i);
            if (event.message() == id && event.kind() == dev.faultlab.sim.EventKind.SEND) {
                return (Message) event.payload();
            }
        }
        throw new IllegalStateException("message " + id + " was never sent");
    }
}
