package dev.faultlab.protocols.byzantine.key;

import dev.faultlab.key.GridReasons;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of oral-message agreement behind each cell of the Byzantine keys' grids, in the lecture's words:
 * a loyal process tells its own value and relays exactly what it heard; a traitor's messages to a process
 * come from its lie table. They name who is loyal and who is a traitor (the student's given data), never a
 * value.
 */
final class ByzantineReasons {
    private ByzantineReasons() {
    }

    static String name(int id) {
        return ProcessLabel.of(id);
    }

    /** The chain of a cell "P5:P4/P0": speakers nearest the receiver first, the origin last ([5, 4, 0]). */
    static List<Integer> path(String cell) {
        int slash = cell.lastIndexOf('/');
        List<Integer> path = new ArrayList<>(speakers(cell.substring(0, slash)));
        path.add(ProcessLabel.id(cell.substring(slash + 1)));
        return path;
    }

    static List<Integer> speakers(String row) {
        List<Integer> speakers = new ArrayList<>();
        if (!row.equals(ByzantineGrids.DIRECT)) {
            for (String speaker : row.split(":")) {
                speakers.add(ProcessLabel.id(speaker));
            }
        }
        return speakers;
    }

    /** What {@code node} hears in {@code round}. */
    static GridReasons received(Simulation run, int node, int round) {
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                List<Integer> path = path(cell);
                int sender = path.get(0);
                if (path.size() == 1) {
                    return ByzantineGrids.loyal(run, sender)
                            ? name(sender) + " is loyal: in round 1 it tells every process its own initial value"
                            : traitorSays(sender, node);
                }
                if (!ByzantineGrids.loyal(run, sender)) {
                    return traitorSays(sender, node) + ", whatever it heard";
                }
                int next = path.get(1);
                String relays = name(sender) + " is loyal: it relays exactly what " + name(next) + " told it";
                if (!ByzantineGrids.loyal(run, next)) {
                    return relays + "; " + name(next) + " is a traitor, so that is " + name(next) + "'s lie for " + name(sender);
                }
                return relays + "; " + name(next) + " is loyal too, so " + (path.size() == 2
                        ? "that is " + name(next) + "'s own initial value"
                        : "it told " + name(sender) + " what it told " + name(node) + " in round " + (round - 1));
            }

            @Override
            public String row(String row) {
                List<Integer> speakers = speakers(row);
                if (speakers.isEmpty()) {
                    return "in round 1 a loyal process tells its own initial value; a traitor tells " + name(node)
                            + " its lie for " + name(node);
                }
                int sender = speakers.get(0);
                if (!ByzantineGrids.loyal(run, sender)) {
                    return traitorSays(sender, node) + ", whatever it heard";
                }
                if (speakers.size() == 1) {
                    return name(sender) + " is loyal: it relays exactly what each process told it in round 1 "
                            + "(a traitor's value as the traitor told it to " + name(sender) + ")";
                }
                int next = speakers.get(1);
                return name(sender) + " is loyal: it relays exactly what " + name(next) + " told it; " + (ByzantineGrids.loyal(run, next)
                        ? name(next) + " is loyal too, so this row repeats what " + name(next) + " told " + name(node)
                        + " in round " + (round - 1)
                        : name(next) + " is a traitor, so every value here is " + name(next) + "'s lie for " + name(sender));
            }
        };
    }

    /** The final vector of {@code node}. */
    static GridReasons vector(Simulation run, int node) {
        return new GridReasons() {
            @Override
            public String cell(String cell) {
                int origin = ProcessLabel.id(cell.substring(cell.lastIndexOf('/') + 1));
                if (origin == node) {
                    return name(node) + "'s own entry is its own initial value";
                }
                return ByzantineGrids.loyal(run, origin)
                        ? name(origin) + " is loyal: with n >= 3m+1 the majority over what " + name(node) + " heard about "
                        + name(origin) + " is " + name(origin) + "'s own initial value"
                        : name(origin) + " is a traitor: its entry is the majority of what " + name(node) + " heard about it, "
                        + "resolved from the deepest round up; no strict majority means RETREAT";
            }

            @Override
            public String row(String row) {
                return "each entry is the majority of what " + name(node) + " heard about that process, directly and "
                        + "through relays, resolved from the deepest round up; a loyal process's entry is its own initial "
                        + "value, and " + name(node) + "'s own entry is its own value";
            }
        };
    }

    private static String traitorSays(int traitor, int node) {
        return name(traitor) + " is a traitor: what it tells " + name(node) + " comes from its lie table (its lie for "
                + name(node) + ")";
    }
}
