package dev.faultlab.sim;

import dev.faultlab.sim.fixtures.Events;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The process API of kernel v2: sends to oneself, typed outputs, stable logs, roles, client requests, failure models. */
class ProcessApiTest {

    /** A tiny replicated store: server 0 appends each client command to its stable log and commits it; clients forward requests. */
    record Put(int client, int request, String command) implements Message {
    }

    record Entry(int index, String command) {
    }

    record Tick(int number) implements Message {
    }

    private static final class Server implements AsyncProcess {
        private StableLog<Entry> log;

        @Override
        public void onStart(Context ctx) {
            log = ctx.stable().log("entries");
        }

        @Override
        public void onRecover(Context ctx) {
            log = ctx.stable().log("entries");
            ctx.note("recovered with " + log.size() + " entries");
        }

        @Override
        public void onMessage(Context ctx, int from, Message message) {
            Put put = (Put) message;
            log.append(new Entry(log.size(), put.command()));
            ctx.output(new Output.Commit(log.size() - 1, put.command()));
            ctx.send(put.client(), new Tick(put.request()));
            ctx.output(new Output.Reply(put.client(), put.request(), "ok"));
        }

        @Override
        public Map<String, Object> view() {
            return Map.of("entries", log == null ? 0 : log.size());
        }
    }

    private static final class Client implements AsyncProcess {
        @Override
        public void onRequest(Context ctx, Request request) {
            ctx.send(ctx.withRole("server").get(0), new Put(ctx.self(), request.id(), request.command()));
        }

        @Override
        public void onMessage(Context ctx, int from, Message message) {
            ctx.output(new Output.Decide("answered"));
        }

        @Override
        public Map<String, Object> view() {
            return Map.of();
        }
    }

    private record Store(FailureModel failureModel) implements Protocol {
        @Override
        public String id() {
            return "store";
        }

        @Override
        public String title() {
            return "store";
        }

        @Override
        public String description() {
            return "one server, clients";
        }

        @Override
        public List<RoleSpec> roles() {
            return List.of(new RoleSpec("server", "keeps the log"), new RoleSpec("client", "asks"));
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("n", 2, 8, 3, "processes"));
        }

        @Override
        public Setup setup(Params params) {
            int n = params.getInt("n");
            return Setup.async(n, node -> node == 0 ? new Server() : new Client())
                    .withRoles(node -> node == 0 ? "server" : "client");
        }
    }

    private static Simulation start(FailureModel model, List<Fault> faults) {
        Store store = new Store(model);
        return Simulation.start(new Recipe("store", Map.of("n", 3), 7, faults, null, null), new ProtocolRegistry(List.of(store)));
    }

    private static Fault request(long at, int client, String command) {
        return Fault.at(at, FaultKind.REQUEST, client, Map.of("command", command));
    }

    @Test
    void aRequestFromTheRecipeReachesTheClientWhichForwardsItAndTheServerCommitsAndReplies() {
        Simulation sim = start(FailureModel.CRASH_STOP, List.of(request(3, 2, "x=5")));
        sim.runToEnd();

        TraceEvent req = Events.of(sim, EventKind.REQUEST).get(0);
        assertThat(req.node()).isEqualTo(2);
        assertThat(req.payload()).isEqualTo(new Request(1, 2, "x=5"));
        TraceEvent send = Events.of(sim, EventKind.SEND).get(0);
        assertThat(send.parent()).isEqualTo(req.seq());
        List<TraceEvent> outputs = Events.of(sim, EventKind.OUTPUT);
        assertThat(outputs).extracting(TraceEvent::detail).containsExactly("commit", "reply");
        assertThat(outputs.get(0).payload()).isEqualTo(new Output.Commit(0, "x=5"));
        assertThat(outputs.get(1).payload()).isEqualTo(new Output.Reply(2, 1, "ok"));
        assertThat(sim.decisions()).isEqualTo(Map.of(2, "answered"));
        assertThat(Output.of(Events.of(sim, EventKind.DECIDE).get(0))).isEqualTo(new Output.Decide("answered"));
        assertThat(sim.processes().get(0).stable()).isEqualTo(Map.of("entries", List.of(new Entry(0, "x=5"))));
    }

    @Test
    void aRequestInjectedLiveIsRecordedAtItsEventAndReplaysExactly() {
        Simulation live = start(FailureModel.CRASH_STOP, List.of(request(1, 1, "a")));
        live.runUntilEvents(3);
        int before = live.trace().size();
        Fault recorded = live.inject(new Fault(null, null, FaultKind.REQUEST, 2, Map.of("command", "b")));
        live.runToEnd();

        assertThat(recorded.atEvent()).isEqualTo((long) before);
        Simulation replay = Simulation.start(live.recipe(), new ProtocolRegistry(List.of(new Store(FailureModel.CRASH_STOP))));
        replay.runToEnd();
        assertThat(replay.trace().events()).isEqualTo(live.trace().events());
        assertThat(Events.of(live, EventKind.REQUEST)).extracting(TraceEvent::payload)
                .containsExactly(new Request(1, 1, "a"), new Request(2, 2, "b"));
    }

    @Test
    void aRequestToACrashedProcessIsRecordedAsLost() {
        Simulation sim = start(FailureModel.CRASH_STOP, List.of(Fault.at(1, FaultKind.CRASH, 1), request(2, 1, "a")));
        sim.runToEnd();

        assertThat(Events.of(sim, EventKind.REQUEST).get(0).detail()).isEqualTo("lost: P2 is down");
        assertThat(Events.count(sim, EventKind.SEND)).isZero();
    }

    @Test
    void aRequestNeedsACommandAndATarget() {
        assertThatThrownBy(() -> start(FailureModel.CRASH_STOP, List.of(Fault.at(1, FaultKind.REQUEST, 1, Map.of()))))
                .isInstanceOf(RecipeException.class)
                .hasMessageContaining("faults[0].params.command: is required");
        assertThatThrownBy(() -> start(FailureModel.CRASH_STOP, List.of(Fault.network(1, FaultKind.REQUEST, Map.of("command", "x")))))
                .hasMessageContaining("faults[0].target");
    }

    @Test
    void theStableLogSurvivesACrashAndTheRecoveredProcessReadsIt() {
        Simulation sim = start(FailureModel.CRASH_STOP, List.of(request(1, 1, "a"), request(2, 2, "b"),
                Fault.at(10, FaultKind.CRASH, 0), Fault.at(11, FaultKind.RECOVER, 0), request(12, 1, "c")));
        sim.runToEnd();

        assertThat(Events.where(sim, e -> e.kind() == EventKind.NOTE && e.node() == 0))
                .extracting(TraceEvent::payload).containsExactly("recovered with 2 entries");
        assertThat(sim.processes().get(0).stable().get("entries"))
                .isEqualTo(List.of(new Entry(0, "a"), new Entry(1, "b"), new Entry(2, "c")));
    }

    @Test
    void aStableLogAppendsInPlaceTruncatesASuffixAndKeepsItsNameApartFromValues() {
        StableStorage storage = new StableStorage();
        StableLog<String> log = storage.log("log");
        List<String> view = log.entries();
        log.append("a");
        log.append("b");
        log.append("c");
        log.truncate(1);

        assertThat(view).containsExactly("a");
        assertThat(storage.<String>log("log")).isSameAs(log);
        assertThat(log.last()).isEqualTo("a");
        assertThatThrownBy(() -> storage.put("log", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> view.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rolesNameEachProcess() {
        Simulation sim = start(FailureModel.CRASH_STOP, List.of());

        assertThat(sim.roles()).containsExactly("server", "client", "client");
        assertThat(sim.processes()).extracting(ProcessStatus::role).containsExactly("server", "client", "client");
    }

    @Test
    void underCrashRecoveryARecoveredProcessIsCorrectAndOneStillDownIsNot() {
        List<Fault> faults = List.of(Fault.at(1, FaultKind.CRASH, 0), Fault.at(2, FaultKind.RECOVER, 0),
                Fault.at(3, FaultKind.CRASH, 1), Fault.at(4, FaultKind.SEND_OMISSION, 2));
        Simulation recovery = start(FailureModel.CRASH_RECOVERY, faults);
        recovery.runToEnd();
        Simulation stop = start(FailureModel.CRASH_STOP, faults);
        stop.runToEnd();

        assertThat(recovery.faultyNodes().stream().boxed().toList()).containsExactly(1, 2);
        assertThat(stop.faultyNodes().stream().boxed().toList()).containsExactly(0, 1, 2);
    }

    /** Every process sends to itself and to all (itself included); what it receives is written down. */
    private static final class Loopback implements AsyncProcess {
        private final List<String> got = new ArrayList<>();

        @Override
        public void onStart(Context ctx) {
            if (ctx.self() == 1) {
                ctx.send(1, new Tick(0));
                ctx.broadcastAll(new Tick(1));
            }
        }

        @Override
        public void onMessage(Context ctx, int from, Message message) {
            got.add(from + ":" + ((Tick) message).number());
        }

        @Override
        public Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("got", List.copyOf(got));
            return view;
        }
    }

    @Test
    void aMessageToOneselfArrivesAfterOneTickEvenWhenTheNetworkLosesEverythingAndBroadcastAllIncludesSelfInIdOrder() {
        Protocol loopback = new Protocol() {
            public String id() {
                return "loop";
            }

            public String title() {
                return "loop";
            }

            public String description() {
                return "loop";
            }

            public List<ParamSpec> parameters() {
                return List.of(ParamSpec.integer("n", 2, 8, 3, "processes"));
            }

            public Setup setup(Params params) {
                return Setup.async(params.getInt("n"), node -> new Loopback());
            }
        };
        NetworkSpec lossy = new NetworkSpec(Delay.constant(5), 1.0, 0, true, List.of());
        Simulation sim = Simulation.start(new Recipe("loop", Map.of("n", 3), 1,
                List.of(Fault.network(0, FaultKind.PARTITION, Map.of("groups", List.of(List.of(0), List.of(1), List.of(2))))),
                lossy, null), new ProtocolRegistry(List.of(loopback)));
        sim.runToEnd();

        assertThat(Events.of(sim, EventKind.SEND)).extracting(TraceEvent::peer).containsExactly(1, 0, 1, 2);
        assertThat(Events.of(sim, EventKind.DELIVER)).extracting(TraceEvent::time).containsExactly(1L, 1L);
        assertThat(sim.processes().get(1).state().get("got")).isEqualTo(List.of("1:0", "1:1"));
        assertThat(Events.of(sim, EventKind.DROP)).hasSize(2);
    }

    @Test
    void inARoundProtocolAMessageToOneselfArrivesInTheNextRoundsInbox() {
        List<String> inboxes = new ArrayList<>();
        Protocol rounds = Scripted.rounds(2, (ctx, round, inbox, state) -> {
            if (ctx.self() == 0) {
                inboxes.add(round + ":" + inbox.stream().map(d -> d.from() + "->" + ((Num) d.message()).value()).toList());
                ctx.send(0, new Num(round));
            }
        }, inbox -> { });
        Scripted.run(rounds, 2, List.of());

        assertThat(inboxes).containsExactly("1:[]", "2:[0->1]");
    }
}
