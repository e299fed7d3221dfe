package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Signed;
import dev.faultlab.sim.States;
import dev.faultlab.sim.TraceEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After a faulty primary, a view change restores progress: while at most k replicas are faulty and the network
 * delivers everything, every request a correct client sends is accepted within {@code bound} ticks of the later
 * of its sending and the last fault (enough for a view change past each of k faulty primaries). Faults that lose
 * messages (omissions, cut links, partitions, a lossy network, messages dropped by hand) void the promise for the
 * rest of the run; requests whose deadline falls after the run's last timer are not judged.
 */
final class Progress implements Monitor {
    static final String NAME = "progress after a faulty primary";

    private record Outstanding(int client, int request, String command, long sent, int seq) {
    }

    private final PbftConfig config;
    private final long bound;
    private final FaultyReplicas faulty = new FaultyReplicas();
    private final Map<String, Outstanding> outstanding = new LinkedHashMap<>();
    private boolean voided;
    private long lastFault;
    private int accepted;
    private Violation violation;

    Progress(PbftConfig config, boolean lossyNetwork) {
        this.config = config;
        this.bound = bound(config);
        this.voided = lossyNetwork;
    }

    /** Two client timeouts and a view change past each of k faulty primaries, the timeouts doubling. */
    static long bound(PbftConfig config) {
        return 2L * config.clientTimeout() + ((long) config.viewTimeout() << (config.k() + 1));
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        faulty.onEvent(event);
        if (event.kind() == EventKind.FAULT && event.payload() instanceof Fault fault) {
            lastFault = event.time();
            voided |= loses(fault);
        } else if (event.kind() == EventKind.SEND && event.node() >= config.n() && event.payload() instanceof Signed<?> signed
                && signed.payload instanceof ClientRequest request) {
            outstanding.putIfAbsent(request.op().client() + "/" + request.op().seq(), new Outstanding(request.op().client(),
                    request.op().seq(), request.op().command(), event.time(), event.seq()));
        } else if (Output.of(event) instanceof Output.Deliver deliver && deliver.message() instanceof Accepted done) {
            outstanding.remove(event.node() + "/" + done.seq());
            accepted++;
        }
        if (violation != null || voided || faulty.among(config.n()) > config.k()) {
            return;
        }
        long now = event.kind() == EventKind.END ? Long.MAX_VALUE : event.time();
        for (Outstanding request : outstanding.values()) {
            long deadline = Math.max(request.sent(), lastFault) + bound;
            if (!faulty.faulty(request.client()) && now >= deadline && deadline <= config.runFor()) {
                violation = new Violation(NAME, event.seq(), ProcessLabel.of(request.client()) + "'s request " + request.request() + " ("
                        + request.command() + "), sent at t=" + request.sent() + ", was not accepted within " + bound
                        + " ticks though at most k=" + config.k() + " replicas are faulty", List.of(request.seq()));
                return;
            }
        }
    }

    private static boolean loses(Fault fault) {
        FaultKind kind = fault.kind();
        return switch (kind) {
            case CRASH, RECOVER, BYZANTINE, REQUEST, HEAL, LINK_UP, HOLD, RELEASE, DELIVER, DUPLICATE -> false;
            case NETWORK -> fault.params().get("loss") instanceof Number loss && loss.doubleValue() > 0;
            default -> true;
        };
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        if (voided) {
            return "messages were lost, so progress was not promised";
        }
        return accepted == 0 ? "no request was due yet" : "every request due was accepted within " + bound + " ticks ("
                + accepted + " accepted)";
    }
}
