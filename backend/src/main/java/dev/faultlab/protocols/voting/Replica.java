package dev.faultlab.protocols.voting;

import dev.faultlab.sim.Context;
import dev.faultlab.sim.Delivery;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.RoundProcess;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic replica: it squares the client's number. In the fail-silent and value models it answers the
 * voter at once; in the Byzantine model it first runs k+1 rounds of agreement with the other replicas on every
 * replica's result (oral messages) and answers what the majority of the agreed values says.
 */
final class Replica implements RoundProcess {
    private static final int SHOWN_CHAINS = 60;

    private final VotingConfig config;
    private final int self;
    private final AgreementTree tree;
    private Integer input;
    private Integer result;
    private List<Integer> vector;
    private Integer agreed;

    Replica(VotingConfig config, int self) {
        this.config = config;
        this.self = self;
        this.tree = new AgreementTree(config.replicas(), config.k());
    }

    @Override
    public void onRound(Context ctx, int round, List<Delivery> inbox) {
        if (round == 2) {
            for (Delivery delivery : inbox) {
                if (delivery.message() instanceof ServiceRequest request) {
                    input = request.input();
                    result = VotingConfig.service(input);
                    ctx.stateChanged("computes " + input + "² = " + result);
                }
            }
            if (result == null) {
                return;
            }
            if (config.model() != Model.BYZANTINE) {
                ctx.send(config.voter(), new Answer(result));
                return;
            }
        }
        if (config.model() != Model.BYZANTINE || round < 2 || input == null) {
            return;
        }
        int exchange = round - 1;
        store(inbox, exchange - 1);
        if (round < config.answerRound()) {
            relay(ctx, exchange);
        } else {
            decide(ctx);
        }
    }

    /** Keeps what each replica relayed in the previous exchange, under the chain extended by that replica. */
    private void store(List<Delivery> inbox, int previous) {
        for (Delivery delivery : inbox) {
            if (!(delivery.message() instanceof Relay relay) || delivery.from() >= config.replicas()) {
                continue;
            }
            for (Relay.Entry entry : relay.entries()) {
                if (entry.path().size() == previous - 1 && !entry.path().contains(delivery.from())) {
                    List<Integer> path = new ArrayList<>(entry.path());
                    path.add(delivery.from());
                    tree.put(path, entry.value());
                }
            }
        }
    }

    /** Exchange e relays every chain of length e - 1 without this replica, and keeps its own relay too. */
    private void relay(Context ctx, int exchange) {
        List<Relay.Entry> entries = new ArrayList<>();
        if (exchange == 1) {
            tree.put(List.of(self), result);
            entries.add(new Relay.Entry(List.of(), result));
        } else {
            for (List<Integer> path : tree.paths(exchange - 1, self)) {
                Integer value = tree.get(path);
                List<Integer> own = new ArrayList<>(path);
                own.add(self);
                tree.put(own, value);
                entries.add(new Relay.Entry(path, value));
            }
        }
        Relay relay = new Relay(entries);
        for (int replica = 0; replica < config.replicas(); replica++) {
            if (replica != self) {
                ctx.send(replica, relay);
            }
        }
    }

    private void decide(Context ctx) {
        vector = tree.vector();
        agreed = VoteRule.majority(vector, vector.size());
        ctx.stateChanged("agreed values " + vector + ": " + (agreed == null ? "no majority" : "answers " + agreed));
        ctx.decide(agreed == null ? VotingStates.NONE : agreed);
        ctx.send(config.voter(), new Answer(agreed));
    }

    @Override
    public void onEnd(Context ctx, List<Delivery> inbox) {
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(input, result, vector, agreed, tree.fingerprint());
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("input", input);
        view.put("result", result);
        if (config.model() == Model.BYZANTINE) {
            view.put("agreedVector", vector == null ? null : new ArrayList<>(vector));
            view.put("agreed", agreed);
        }
        return view;
    }

    @Override
    public StateDisplay display() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("request", input);
        fields.put("own result", result);
        if (config.model() != Model.BYZANTINE) {
            return new StateDisplay(List.of(new StateDisplay.Fields("Replica", fields)));
        }
        fields.put("answers", agreed == null ? (vector == null ? null : VotingStates.NONE) : agreed);
        List<List<Object>> rows = new ArrayList<>();
        for (int length = 1; length <= config.k() + 1 && rows.size() < SHOWN_CHAINS; length++) {
            for (List<Integer> path : tree.paths(length, -1)) {
                if (rows.size() < SHOWN_CHAINS && tree.get(path) != null) {
                    rows.add(StateDisplay.Table.row(chain(path), tree.get(path)));
                }
            }
        }
        List<StateDisplay.Section> sections = new ArrayList<>(List.of(new StateDisplay.Fields("Replica", fields),
                new StateDisplay.Table("What it heard (first " + SHOWN_CHAINS + " chains)", List.of("chain", "value"), rows)));
        if (vector != null) {
            List<Object> values = new ArrayList<>();
            vector.forEach(v -> values.add(v == null ? VotingStates.NONE : v));
            sections.add(new StateDisplay.Vector("Agreed value per replica", ProcessLabel.of(range(config.replicas())), values));
        }
        return new StateDisplay(sections);
    }

    static List<Integer> range(int n) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(i);
        }
        return ids;
    }

    /** "P3 says P1 said": the last relay first, as the lecture reads a chain. */
    private static String chain(List<Integer> path) {
        List<String> says = new ArrayList<>();
        for (int i = path.size() - 1; i > 0; i--) {
            says.add(ProcessLabel.of(path.get(i)) + " says");
        }
        says.add(ProcessLabel.of(path.get(0)) + " said");
        return String.join(" ", says);
    }
}
