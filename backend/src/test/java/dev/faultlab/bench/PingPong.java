package dev.faultlab.bench;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.Protocol;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Setup;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DSLabs' lab 0 ping-pong written for FaultLab, handler for handler, to compare the two explorers on one protocol
 * (a fixture of the benchmark, not a protocol for students): P1 is the server and answers each Ping with a Pong of
 * the same value; P2 on are the {@code clients}, each of which sends pings 1 to {@code pings} one at a time and
 * sends the current one again each time its retry timer fires (DSLabs' PingTimer, 10 ticks) until the matching pong
 * arrives. The monitor is DSLabs' RESULTS_OK: each client's results so far are the pongs of its pings in order. With
 * {@code checksValue=false} the client takes any pong as the answer to its current ping, the bug lab 0 warns about:
 * a late pong of an earlier ping, sent again, is taken for the next.
 */
public final class PingPong implements Protocol {
    public static final String ID = "pingpong";
    static final String RESULTS_OK = "results-ok";
    private static final int SERVER = 0;
    private static final String RETRY = "ping";
    private static final long RETRY_TICKS = 10;

    record Ping(int value) implements Message {
    }

    record Pong(int value) implements Message {
    }

    public static ProtocolRegistry registry() {
        return new ProtocolRegistry(List.of(new PingPong()));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Ping-pong (DSLabs lab 0)";
    }

    @Override
    public String description() {
        return "A client pings a server, one ping at a time, sending again until the pong arrives.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("pings", 1, 1_000, 3, "pings each client sends one after another"),
                ParamSpec.integer("clients", 1, 8, 1, "clients pinging the one server"),
                ParamSpec.flag("checksValue", true, "the client takes only the pong of its current ping"));
    }

    @Override
    public Setup setup(Params params) {
        int pings = params.getInt("pings");
        boolean checksValue = params.getBoolean("checksValue");
        return Setup.async(1 + params.getInt("clients"), node -> node == SERVER ? new Server() : new Client(pings, checksValue));
    }

    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        return List.of(new ResultsOk());
    }

    private static final class Server implements AsyncProcess {
        @Override
        public void onMessage(Context ctx, int from, Message message) {
            if (message instanceof Ping ping) {
                ctx.send(from, new Pong(ping.value()));
            }
        }

        @Override
        public Map<String, Object> view() {
            return Map.of();
        }

        @Override
        public Object fingerprint() {
            return "server";
        }
    }

    private static final class Client implements AsyncProcess {
        private final int pings;
        private final boolean checksValue;
        private final List<Integer> results = new ArrayList<>();

        Client(int pings, boolean checksValue) {
            this.pings = pings;
            this.checksValue = checksValue;
        }

        @Override
        public void onStart(Context ctx) {
            ping(ctx);
        }

        private void ping(Context ctx) {
            ctx.send(SERVER, new Ping(results.size() + 1));
            ctx.setTimer(RETRY, RETRY_TICKS);
        }

        @Override
        public void onMessage(Context ctx, int from, Message message) {
            if (message instanceof Pong pong && results.size() < pings && (!checksValue || pong.value() == results.size() + 1)) {
                results.add(pong.value());
                ctx.cancelTimer(RETRY);
                if (results.size() < pings) {
                    ping(ctx);
                }
            }
        }

        @Override
        public void onTimer(Context ctx, String timer) {
            if (results.size() < pings) {
                ping(ctx);
            }
        }

        @Override
        public Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("results", List.copyOf(results));
            return view;
        }

        @Override
        public Object fingerprint() {
            return List.copyOf(results);
        }
    }

    /** Each client's results are 1, 2, 3, ... in order, checked after each delivery to it. */
    private static final class ResultsOk implements Monitor {
        private Violation violation;

        @Override
        public String property() {
            return RESULTS_OK;
        }

        @Override
        public void onEvent(TraceEvent event, States states) {
            if (violation != null || event.kind() != EventKind.DELIVER || event.node() == SERVER || !states.up(event.node())) {
                return;
            }
            List<?> results = (List<?>) states.state(event.node()).get("results");
            for (int i = 0; i < results.size(); i++) {
                if (!results.get(i).equals(i + 1)) {
                    violation = new Violation(RESULTS_OK, event.seq(), "a client took pong " + results.get(i)
                            + " as the answer to ping " + (i + 1), List.of(event.seq()));
                    return;
                }
            }
        }

        @Override
        public Violation violation() {
            return violation;
        }
    }
}
