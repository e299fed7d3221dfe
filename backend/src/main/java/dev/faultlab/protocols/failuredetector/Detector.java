package dev.faultlab.protocols.failuredetector;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One process with its failure-detection module: it sends a heartbeat to every peer each period, and watches
 * every peer with a timer that a heartbeat from that peer restarts. When the timer runs out it suspects the
 * peer; a heartbeat from a suspected peer proves it was only slow, so it trusts the peer again and waits
 * longer for it from then on. A crashed peer sends nothing more and stays suspected. A recovered process starts
 * afresh: its timeouts are volatile.
 */
final class Detector implements AsyncProcess {
    static final String BEAT = "heartbeat";
    private static final String WATCH = "watch ";

    private final DetectorConfig config;
    private int self = -1;
    private int sent;
    /** Per peer (indexed by id; the own entry unused): late heartbeats so far, which set the timeout. */
    private int[] late;
    private boolean[] suspected;
    /** When the peer's last heartbeat arrived, or when watching began. */
    private long[] since;
    private int[] heard;

    Detector(DetectorConfig config) {
        this.config = config;
    }

    @Override
    public void onStart(Context ctx) {
        begin(ctx);
    }

    @Override
    public void onRecover(Context ctx) {
        ctx.note("recovers with no memory of its peers: trusts them all, timeouts back to " + config.timeout());
        begin(ctx);
    }

    private void begin(Context ctx) {
        self = ctx.self();
        late = new int[ctx.n()];
        suspected = new boolean[ctx.n()];
        since = new long[ctx.n()];
        heard = new int[ctx.n()];
        for (int peer : ctx.peers()) {
            since[peer] = ctx.now();
            watch(ctx, peer);
        }
        beat(ctx);
    }

    private void beat(Context ctx) {
        sent++;
        ctx.broadcast(new Heartbeat(sent));
        if (ctx.now() + config.period() <= config.runFor()) {
            ctx.setTimer(BEAT, config.period());
        }
    }

    /** Restarts the peer's timer: it runs out {@code timeout} ticks after the last sign of life, unless the run stops watching first. */
    private void watch(Context ctx, int peer) {
        long deadline = since[peer] + timeout(peer);
        if (deadline <= config.runFor()) {
            ctx.setTimer(WATCH + ProcessLabel.of(peer), deadline - ctx.now());
        } else {
            ctx.cancelTimer(WATCH + ProcessLabel.of(peer));
        }
    }

    private long timeout(int peer) {
        return config.timeoutAfter(late[peer]);
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (timer.equals(BEAT)) {
            beat(ctx);
        } else if (timer.startsWith(WATCH)) {
            int peer = ProcessLabel.id(timer.substring(WATCH.length()));
            suspected[peer] = true;
            ctx.output(new Output.Suspect(peer));
            ctx.note("suspects " + ProcessLabel.of(peer) + ": no heartbeat for " + timeout(peer) + " ticks (since t=" + since[peer] + ")");
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (!(message instanceof Heartbeat beat)) {
            return;
        }
        since[from] = ctx.now();
        heard[from]++;
        if (suspected[from]) {
            long before = timeout(from);
            suspected[from] = false;
            late[from]++;
            ctx.output(new Output.Trust(from));
            ctx.note("heartbeat " + beat.seq() + " of " + ProcessLabel.of(from) + " came late: it was slow, not crashed; trusts it again"
                    + (config.increase() == 0 ? ", timeout stays " + before : " and raises its timeout " + before + " → " + timeout(from)));
        }
        watch(ctx, from);
    }

    /** The arrival times count: a peer's deadline is its last heartbeat's time plus its timeout. */
    @Override
    public Object fingerprint() {
        return Arrays.asList(sent, Arrays.toString(late), Arrays.toString(suspected), Arrays.toString(since),
                Arrays.toString(heard));
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("heartbeatsSent", sent);
        List<Object> peers = new ArrayList<>();
        for (int peer = 0; late != null && peer < late.length; peer++) {
            if (peer != self) {
                Map<String, Object> watched = new LinkedHashMap<>();
                watched.put("peer", peer);
                watched.put("timeout", timeout(peer));
                watched.put("suspected", suspected[peer]);
                watched.put("lastHeard", since[peer]);
                watched.put("heartbeats", heard[peer]);
                watched.put("late", late[peer]);
                peers.add(watched);
            }
        }
        view.put("peers", peers);
        return view;
    }

    @Override
    public StateDisplay display() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("heartbeats sent", sent);
        fields.put("period", config.period());
        List<List<Object>> rows = new ArrayList<>();
        List<Object> suspects = new ArrayList<>();
        for (int peer = 0; late != null && peer < late.length; peer++) {
            if (peer == self) {
                continue;
            }
            rows.add(StateDisplay.Table.row(ProcessLabel.of(peer), since[peer], timeout(peer), since[peer] + timeout(peer),
                    late[peer], suspected[peer] ? "suspected" : "trusted"));
            if (suspected[peer]) {
                suspects.add(ProcessLabel.of(peer));
            }
        }
        return StateDisplay.of(new StateDisplay.Fields("Detector", fields),
                new StateDisplay.Table("Watching", List.of("process", "last heard at", "timeout", "deadline", "late heartbeats", "status"), rows),
                new StateDisplay.Set("Suspects", suspects));
    }
}
