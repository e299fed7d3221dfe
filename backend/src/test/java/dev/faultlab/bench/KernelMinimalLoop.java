package dev.faultlab.bench;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Setup;
import dev.faultlab.sim.Signed;
import dev.faultlab.sim.StableStorage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The least a simulator must do to run an asynchronous protocol with its trace on, as the baseline the kernel is
 * measured against: a {@link PriorityQueue} of timed deliveries and timer firings ordered by (time, insertion
 * order), the protocol's own process objects behind a plain {@link Context}, and a column trace with the
 * kernel's columns, one record per send, delivery, timer and decision. It does no more than a reliable network
 * with a constant delay of one tick needs: no faults, links, budgets, seeking or scheduling choices.
 */
final class KernelMinimalLoop {
    private static final int SEND = 0;
    private static final int DELIVER = 1;
    private static final int TIMER = 2;
    private static final int DECIDE = 3;
    private static final int NOTE = 4;

    private final PriorityQueue<Pending> queue = new PriorityQueue<>(KernelMinimalLoop::compare);
    private final Columns trace = new Columns();
    private final int n;
    private final AsyncProcess[] processes;
    private final Node[] nodes;
    private long now;
    private long order;
    private int nextMessage;
    private int cause = -1;

    private KernelMinimalLoop(Setup setup, long seed) {
        n = setup.nodes();
        processes = new AsyncProcess[n];
        nodes = new Node[n];
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            processes[i] = (AsyncProcess) setup.factory().apply(i);
            nodes[i] = new Node(i, root.split());
        }
    }

    /** Runs the setup's processes until nothing is left to happen; returns the number of trace records. */
    static int run(Setup setup, long seed) {
        return new KernelMinimalLoop(setup, seed).runToEnd();
    }

    private int runToEnd() {
        for (int i = 0; i < n; i++) {
            processes[i].onStart(nodes[i]);
        }
        Pending next;
        while ((next = queue.poll()) != null) {
            now = next.time;
            Node node = nodes[next.to];
            if (next.timer == null) {
                node.lamport = Math.max(node.lamport, next.lamport) + 1;
                cause = trace.append(now, DELIVER, next.to, next.from, next.message, next.sendSeq, node.lamport, next.payload);
                processes[next.to].onMessage(node, next.from, next.payload);
            } else {
                Integer current = node.timers.get(next.timer);
                if (current == null || current != next.generation) {
                    continue;
                }
                node.timers.remove(next.timer);
                cause = trace.append(now, TIMER, next.to, -1, -1, -1, node.lamport, next.timer);
                processes[next.to].onTimer(node, next.timer);
            }
        }
        return trace.size;
    }

    private static int compare(Pending a, Pending b) {
        return a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.order, b.order);
    }

    /** A delivery (timer null) or a timer firing. */
    private record Pending(long time, long order, int to, int from, int message, int sendSeq, int lamport, Message payload,
                           String timer, int generation) {
    }

    private final class Node implements Context {
        private final int id;
        private final List<Integer> peers = new ArrayList<>();
        private final SplittableRandom random;
        private final StableStorage stable = new StableStorage();
        private final Map<String, Integer> timers = new HashMap<>();
        private int timerGeneration;
        private int lamport;

        Node(int id, SplittableRandom random) {
            this.id = id;
            this.random = random;
            for (int j = 0; j < n; j++) {
                if (j != id) {
                    peers.add(j);
                }
            }
        }

        @Override
        public int self() {
            return id;
        }

        @Override
        public List<Integer> peers() {
            return peers;
        }

        @Override
        public int n() {
            return n;
        }

        @Override
        public long now() {
            return now;
        }

        @Override
        public int round() {
            return -1;
        }

        @Override
        public String role() {
            return Setup.DEFAULT_ROLE;
        }

        @Override
        public String roleOf(int node) {
            return Setup.DEFAULT_ROLE;
        }

        @Override
        public List<Integer> withRole(String role) {
            return Setup.DEFAULT_ROLE.equals(role) ? java.util.stream.IntStream.range(0, n).boxed().toList() : List.of();
        }

        @Override
        public void send(int to, Message message) {
            int messageId = nextMessage++;
            int stamp = ++lamport;
            int sendSeq = trace.append(now, SEND, id, to, messageId, cause, stamp, message);
            queue.add(new Pending(now + 1, order++, to, id, messageId, sendSeq, stamp, message, null, 0));
        }

        @Override
        public void broadcast(Message message) {
            for (int to : peers) {
                send(to, message);
            }
        }

        @Override
        public void broadcastAll(Message message) {
            for (int to = 0; to < n; to++) {
                send(to, message);
            }
        }

        @Override
        public void setTimer(String name, long delay) {
            int generation = ++timerGeneration;
            timers.put(name, generation);
            queue.add(new Pending(now + Math.max(1, delay), order++, id, -1, -1, -1, 0, null, name, generation));
        }

        @Override
        public void cancelTimer(String name) {
            timers.remove(name);
        }

        @Override
        public StableStorage stable() {
            return stable;
        }

        /** Only the kernel can sign ({@link Signed} has no public factory); the baseline runs Echo, which signs nothing. */
        @Override
        public <T> Signed<T> sign(T payload) {
            throw new UnsupportedOperationException("the baseline loop has no signatures");
        }

        @Override
        public void decide(Object value) {
            trace.append(now, DECIDE, id, -1, -1, cause, lamport, value);
        }

        @Override
        public void output(Output output) {
            trace.append(now, NOTE, id, -1, -1, cause, lamport, output);
        }

        @Override
        public void note(String text) {
            trace.append(now, NOTE, id, -1, -1, cause, lamport, text);
        }

        @Override
        public void stateChanged(String description) {
            trace.append(now, NOTE, id, -1, -1, cause, lamport, description);
        }

        @Override
        public SplittableRandom random() {
            return random;
        }
    }

    /** The kernel trace's layout: chunks of columns (time, kind, node, peer, message, parent, lamport, round, payload, detail). */
    private static final class Columns {
        private static final int CHUNK_BITS = 10;
        private static final int CHUNK = 1 << CHUNK_BITS;
        private static final int MASK = CHUNK - 1;
        private Chunk[] chunks = new Chunk[16];
        private int size;

        private static final class Chunk {
            final long[] time = new long[CHUNK];
            final byte[] kind = new byte[CHUNK];
            final int[] node = new int[CHUNK];
            final int[] peer = new int[CHUNK];
            final int[] message = new int[CHUNK];
            final int[] parent = new int[CHUNK];
            final int[] lamport = new int[CHUNK];
            final int[] round = new int[CHUNK];
            final Object[] payload = new Object[CHUNK];
            final String[] detail = new String[CHUNK];
        }

        int append(long t, int k, int n, int p, int msg, int par, int lc, Object data) {
            int seq = size;
            int index = seq >>> CHUNK_BITS;
            if (index == chunks.length) {
                chunks = java.util.Arrays.copyOf(chunks, index * 2);
            }
            Chunk c = chunks[index];
            if (c == null) {
                c = new Chunk();
                chunks[index] = c;
            }
            int i = seq & MASK;
            c.time[i] = t;
            c.kind[i] = (byte) k;
            c.node[i] = n;
            c.peer[i] = p;
            c.message[i] = msg;
            c.parent[i] = par;
            c.lamport[i] = lc;
            c.round[i] = -1;
            c.payload[i] = data;
            c.detail[i] = null;
            size = seq + 1;
            return seq;
        }
    }
}
