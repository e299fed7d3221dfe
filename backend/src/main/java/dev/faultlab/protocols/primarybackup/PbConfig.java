package dev.faultlab.protocols.primarybackup;

import java.util.List;

/**
 * The checked parameters of a run. {@code delta} is the delay bound the servers assume (lecture 004's delta): the
 * primary waits one tick longer than {@code 2 * delta}, the longest round trip, for its backups' acknowledgements
 * (a timer due at the very tick an acknowledgement arrives could fire first), and takes a backup that stayed
 * silent that long for crashed, which is sound only while channels are reliable.
 */
public record PbConfig(int servers, int clients, Mode mode, int delta, int heartbeat, int timeout, int clientRetry,
                       List<Operation> workload, int clientStart, int gap, int runFor) {
    public PbConfig {
        workload = List.copyOf(workload);
    }

    public int ackWait() {
        return 2 * delta + 1;
    }

    public boolean isServer(int node) {
        return node < servers;
    }
}
