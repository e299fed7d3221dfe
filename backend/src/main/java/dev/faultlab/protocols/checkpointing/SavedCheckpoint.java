package dev.faultlab.protocols.checkpointing;

import java.util.List;

/**
 * One checkpoint in stable storage: CP_i(index), the application state at the end of INT_i(index) (its value and
 * the messages it has sent and received so far) and the dependencies recorded during that interval.
 */
public record SavedCheckpoint(int index, String label, int value, List<String> sent, List<String> received,
                              List<Dependency> dependencies) {
    public SavedCheckpoint {
        sent = List.copyOf(sent);
        received = List.copyOf(received);
        dependencies = List.copyOf(dependencies);
    }
}
