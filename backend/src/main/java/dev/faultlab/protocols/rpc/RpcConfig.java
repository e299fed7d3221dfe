package dev.faultlab.protocols.rpc;

/** A run's checked parameters. */
public record RpcConfig(int clients, int calls, Operation operation, int amount, Order order, Strategy strategy,
                        boolean dedup, int work, int timeout, int retries, int locateTimeout, Remedy remedy, int lease) {
    /** The server is P1; the clients follow it. */
    public static final int SERVER = 0;
}
