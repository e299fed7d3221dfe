package dev.faultlab.protocols.pbft;

import java.util.List;

/**
 * What a client hands its application once k+1 replicas sent it the same result for a request: recorded as an
 * {@code Output.Deliver} from the client, which is where the monitor on accepted results looks.
 */
public record Accepted(int seq, String command, String result, List<Integer> replicas) {
    public Accepted {
        replicas = List.copyOf(replicas);
    }
}
