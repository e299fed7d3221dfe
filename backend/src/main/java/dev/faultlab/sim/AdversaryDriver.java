package dev.faultlab.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The kernel's side of a Byzantine node: the adversary a BYZANTINE fault installed and the context it acts
 * through. The kernel hands every event of the node to it instead of the honest process. Its context speaks
 * through {@code voice}, a context of the node's own that the kernel made for this adversary alone: once another
 * fault replaces the adversary, or the node was loyal until now, the old voice is cut off mid-handler, so only
 * the node's current master acts.
 */
final class AdversaryDriver {
    private final Adversary adversary;
    private final AdversaryContext context;

    AdversaryDriver(Adversary adversary, NodeState node, Context voice, SplittableRandom random) {
        this.adversary = adversary;
        this.context = new Voice(node, voice, random);
    }

    void takeover() {
        adversary.onTakeover(context);
    }

    void start() {
        adversary.onStart(context);
    }

    void message(int from, Message message) {
        adversary.onMessage(context, from, message);
    }

    void timer(String name) {
        adversary.onTimer(context, name);
    }

    void round(int round, List<Delivery> inbox) {
        adversary.onRound(context, round, inbox);
    }

    void end(List<Delivery> inbox) {
        adversary.onEnd(context, inbox);
    }

    void recover() {
        adversary.onRecover(context);
    }

    void request(Request request) {
        adversary.onRequest(context, request);
    }

    /** Everything goes through the node's voice (so through the kernel's recording and fault model) but randomness. */
    private record Voice(NodeState node, Context voice, SplittableRandom random) implements AdversaryContext {

        @Override
        public NodeProcess honest() {
            return node.process;
        }

        @Override
        public SplittableRandom honestRandom() {
            return node.random;
        }

        @Override
        public int self() {
            return voice.self();
        }

        @Override
        public List<Integer> peers() {
            return voice.peers();
        }

        @Override
        public int n() {
            return voice.n();
        }

        @Override
        public long now() {
            return voice.now();
        }

        @Override
        public int round() {
            return voice.round();
        }

        @Override
        public String role() {
            return voice.role();
        }

        @Override
        public String roleOf(int other) {
            return voice.roleOf(other);
        }

        @Override
        public List<Integer> withRole(String role) {
            return voice.withRole(role);
        }

        @Override
        public void send(int to, Message message) {
            voice.send(to, message);
        }

        @Override
        public void broadcast(Message message) {
            voice.broadcast(message);
        }

        @Override
        public void broadcastAll(Message message) {
            voice.broadcastAll(message);
        }

        @Override
        public void setTimer(String name, long delay) {
            voice.setTimer(name, delay);
        }

        @Override
        public void cancelTimer(String name) {
            voice.cancelTimer(name);
        }

        @Override
        public StableStorage stable() {
            return voice.stable();
        }

        @Override
        public <T> Signed<T> sign(T payload) {
            return voice.sign(payload);
        }

        @Override
        public void decide(Object value) {
            voice.decide(value);
        }

        @Override
        public void output(Output output) {
            voice.output(output);
        }

        @Override
        public void note(String text) {
            voice.note(text);
        }

        @Override
        public void stateChanged(String description) {
            voice.stateChanged(description);
        }
    }
}
