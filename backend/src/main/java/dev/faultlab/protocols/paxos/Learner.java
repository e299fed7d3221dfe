package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A learner of classic Paxos: a value is chosen for a slot once a majority of the acceptors accepted it under one
 * proposal number (or a proposer that saw that says so); it executes the chosen values in slot order. What it learned
 * is volatile: after a crash it learns again from what acceptors and proposers send from then on.
 */
final class Learner implements AsyncProcess {
    private final ClassicConfig config;
    private final Learning learning;
    private final List<Op> executed = new ArrayList<>();

    Learner(ClassicConfig config) {
        this.config = config;
        this.learning = new Learning(config.majority());
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Accepted accepted && config.acceptor(from) && accepted.slot() > executed.size()) {
            learning.holds(from, new Slot(accepted.slot(), accepted.op(), accepted.ballot()));
        } else if (message instanceof Chosen chosen && chosen.t() > executed.size()) {
            learning.chosen(chosen.t(), chosen.op());
        }
        for (Op op = learning.decided(executed.size() + 1); op != null; op = learning.decided(executed.size() + 1)) {
            executed.add(op);
            learning.forget(executed.size());
            ctx.output(new Output.Commit(executed.size(), op));
            if (config.singleDecree()) {
                ctx.decide(op.command());
            }
        }
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(learning.fingerprint(), List.copyOf(executed));
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("executed", executed.size());
        view.put("executedOps", executed.stream().map(Op::command).toList());
        return view;
    }

    @Override
    public StateDisplay display() {
        List<List<Object>> rows = new ArrayList<>();
        for (int slot = Math.max(1, executed.size() - Server.SHOWN + 1); slot <= executed.size(); slot++) {
            rows.add(StateDisplay.Table.row(slot, executed.get(slot - 1).command()));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("executed", executed.size());
        return StateDisplay.of(new StateDisplay.Fields("Learner", fields),
                new StateDisplay.Table("Chosen and executed, in order", List.of("slot", "value"), rows));
    }
}
