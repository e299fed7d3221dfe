package dev.faultlab.protocols.rpc;

/**
 * Work the server is doing for attempt {@code attempt} of call {@code seq} of {@code client}, started in
 * {@code epoch}; {@code askedOwner} while gentle reincarnation waits for the owner to claim it.
 */
record Computation(int id, int client, int seq, int attempt, int epoch, Operation operation, int amount, long started,
                   boolean askedOwner) {
    Computation askingOwner(boolean asking) {
        return new Computation(id, client, seq, attempt, epoch, operation, amount, started, asking);
    }

    String describe() {
        return "call #" + seq + " of " + dev.faultlab.sim.ProcessLabel.of(client) + " (attempt " + attempt + ")";
    }
}
