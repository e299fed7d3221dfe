package dev.faultlab.protocols.twoarmy;

import dev.faultlab.check.Counterexample;
import dev.faultlab.check.Explorer;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.MonitorSource;
import dev.faultlab.sim.PropertyStatus;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.TraceEvent;

import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/** The runs the two-army lessons rest on: a messenger caught, the generals' decisions, the run the explorer finds. */
public final class TwoArmyRuns {
    private TwoArmyRuns() {
    }

    /** What the two decisions amount to, as the lab's options name it. */
    public enum Outcome {
        BOTH_ATTACK("both-attack", "both generals attack"),
        NEITHER_ATTACKS("neither-attacks", "neither general attacks"),
        SPARTA_ALONE("sparta-alone", "Sparta (P1) attacks alone"),
        CARTHAGE_ALONE("carthage-alone", "Carthage (P2) attacks alone"),
        UNDECIDED("undecided", "a general never decided");

        private final String id;
        private final String text;

        Outcome(String id, String text) {
            this.id = id;
            this.text = text;
        }

        public String id() {
            return id;
        }

        public String text() {
            return text;
        }

        public boolean disagree() {
            return this == SPARTA_ALONE || this == CARTHAGE_ALONE;
        }
    }

    public static int messages(Recipe recipe) {
        Object k = recipe.params().get("k");
        return k instanceof Number number ? number.intValue() : 3;
    }

    /**
     * The fault that catches messenger {@code number}: the way from its sender to its receiver closes as its round
     * starts, before the message is sent, and stays closed (nothing else would cross it anyway: the exchange stops).
     */
    public static Fault catching(int number) {
        return Fault.at((long) (number - 1) * Simulation.ROUND_TICKS, FaultKind.LINK_DOWN, Messenger.senderOf(number),
                Map.of("to", Messenger.receiverOf(number), "oneWay", true));
    }

    /** The scenario run to its end with messenger {@code number} caught, its monitor following it. */
    public static Simulation losing(ProtocolRegistry registry, Recipe scenario, int number) {
        return played(registry, scenario.withFault(catching(number)));
    }

    public static Simulation played(ProtocolRegistry registry, Recipe recipe) {
        Simulation run = Simulation.start(recipe, registry, MonitorSource.PROTOCOL);
        run.runToEnd();
        return run;
    }

    public static Outcome outcome(Simulation run) {
        Object sparta = null;
        Object carthage = null;
        for (TraceEvent event : run.trace().events()) {
            if (event.kind() == EventKind.DECIDE && event.node() == TwoArmy.SPARTA && sparta == null) {
                sparta = event.payload();
            } else if (event.kind() == EventKind.DECIDE && event.node() == TwoArmy.CARTHAGE && carthage == null) {
                carthage = event.payload();
            }
        }
        if (sparta == null || carthage == null) {
            return Outcome.UNDECIDED;
        }
        boolean spartaAttacks = General.ATTACK.equals(sparta);
        boolean carthageAttacks = General.ATTACK.equals(carthage);
        if (spartaAttacks == carthageAttacks) {
            return spartaAttacks ? Outcome.BOTH_ATTACK : Outcome.NEITHER_ATTACKS;
        }
        return spartaAttacks ? Outcome.SPARTA_ALONE : Outcome.CARTHAGE_ALONE;
    }

    /** The monitor's violation in a run played with monitors, or empty while both attack or neither does. */
    public static Optional<PropertyStatus.Change> broken(Simulation run) {
        return run.properties().stream().filter(p -> p.property().equals(CoordinatedAttack.NAME)).findFirst()
                .map(PropertyStatus::now).filter(change -> change.violation() != null);
    }

    /**
     * The first run of the scenario, catching one messenger (the first, the second, ...), in which the generals
     * disagree, found by playing each; empty if none does.
     */
    public static Optional<Counterexample> breaking(ProtocolRegistry registry, Recipe scenario) {
        int k = messages(scenario);
        return Explorer.search(registry, IntStream.rangeClosed(1, k).mapToObj(number -> scenario.withFault(catching(number))),
                MonitorSource.PROTOCOL);
    }

    /** The number of the first messenger lost in a run, or 0 if none was. */
    public static int firstLost(Simulation run) {
        return run.trace().events().stream().filter(e -> e.kind() == EventKind.DROP && e.payload() instanceof Messenger)
                .map(e -> ((Messenger) e.payload()).number()).findFirst().orElse(0);
    }
}
