package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Test processes whose handlers are lambdas, so a kernel test states exactly what each node does.
 * Every delivered message and fired timer is also written into the node's volatile state view.
 */
final class Scripted {
    private Scripted() {
    }

    interface OnMessage {
        void handle(Context ctx, int from, Message message, Map<String, Object> state);
    }

    interface OnRound {
        void handle(Context ctx, int round, List<Delivery> inbox, Map<String, Object> state);
    }

    /** Asynchronous handlers; null means "do nothing". */
    record Async(BiConsumer<Context, Map<String, Object>> start, OnMessage message,
                 BiConsumer<Context, String> timer, BiConsumer<Context, Map<String, Object>> recover) {
        static Async onStart(BiConsumer<Context, Map<String, Object>> start) {
            return new Async(start, null, null, null);
        }

        Async onMessage(OnMessage handler) {
            return new Async(start, handler, timer, recover);
        }

        Async onTimer(BiConsumer<Context, String> handler) {
            return new Async(start, message, handler, recover);
        }

        Async onRecover(BiConsumer<Context, Map<String, Object>> handler) {
            return new Async(start, message, timer, handler);
        }
    }

    static final class AsyncNode implements AsyncProcess {
        private final Async handlers;
        private final Map<String, Object> state = new LinkedHashMap<>();
        private final List<Object> received = new ArrayList<>();

        AsyncNode(Async handlers) {
            this.handlers = handlers;
        }

        @Override
        public void onStart(Context ctx) {
            if (handlers.start() != null) {
                handlers.start().accept(ctx, state);
            }
        }

        @Override
        public void onMessage(Context ctx, int from, Message message) {
            received.add(message);
            if (handlers.message() != null) {
                handlers.message().handle(ctx, from, message, state);
            }
        }

        @Override
        public void onTimer(Context ctx, String timer) {
            received.add("timer:" + timer);
            if (handlers.timer() != null) {
                handlers.timer().accept(ctx, timer);
            }
        }

        @Override
        public void onRecover(Context ctx) {
            if (handlers.recover() != null) {
                handlers.recover().accept(ctx, state);
            }
        }

        @Override
        public Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>(state);
            view.put("received", List.copyOf(received));
            return view;
        }
    }

    static final class RoundNode implements RoundProcess {
        private final OnRound round;
        private final Consumer<List<Delivery>> end;
        private final Map<String, Object> state = new LinkedHashMap<>();

        RoundNode(OnRound round, Consumer<List<Delivery>> end) {
            this.round = round;
            this.end = end;
        }

        @Override
        public void onRound(Context ctx, int number, List<Delivery> inbox) {
            round.handle(ctx, number, inbox, state);
        }

        @Override
        public void onEnd(Context ctx, List<Delivery> inbox) {
            end.accept(inbox);
        }

        @Override
        public Map<String, Object> view() {
            return new LinkedHashMap<>(state);
        }
    }

    /** A protocol with parameter n whose every node runs the same asynchronous handlers. */
    static Protocol async(Async handlers, BehaviourSpec... behaviours) {
        return new TestProtocol(n -> Setup.async(n, node -> new AsyncNode(handlers)), List.of(behaviours));
    }

    /** A protocol with parameter n whose every node runs {@code rounds} rounds of {@code round}, then {@code end}. */
    static Protocol rounds(int rounds, OnRound round, Consumer<List<Delivery>> end, BehaviourSpec... behaviours) {
        return new TestProtocol(n -> Setup.rounds(n, rounds, node -> new RoundNode(round, end)), List.of(behaviours));
    }

    static Simulation run(Protocol protocol, int n, List<Fault> faults) {
        return run(protocol, n, faults, NetworkSpec.reliable(), Budgets.defaults());
    }

    static Simulation run(Protocol protocol, int n, List<Fault> faults, NetworkSpec network, Budgets budgets) {
        Simulation sim = start(protocol, n, faults, network, budgets, 1);
        sim.runToEnd();
        return sim;
    }

    static Simulation start(Protocol protocol, int n, List<Fault> faults, NetworkSpec network, Budgets budgets, long seed) {
        Recipe recipe = new Recipe(protocol.id(), Map.of("n", n), seed, faults, network, budgets);
        return Simulation.start(recipe, new ProtocolRegistry(List.of(protocol)));
    }

    /** The trace's events of one kind. */
    static List<TraceEvent> events(Simulation sim, EventKind kind) {
        return sim.trace().events().stream().filter(e -> e.kind() == kind).toList();
    }

    private record TestProtocol(java.util.function.IntFunction<Setup> setup, List<BehaviourSpec> behaviours) implements Protocol {
        @Override
        public String id() {
            return "test";
        }

        @Override
        public String title() {
            return "test";
        }

        @Override
        public String description() {
            return "a protocol scripted by a test";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("n", 1, 64, 3, "processes"));
        }

        @Override
        public Setup setup(Params params) {
            return setup.apply(params.getInt("n"));
        }
    }
}
