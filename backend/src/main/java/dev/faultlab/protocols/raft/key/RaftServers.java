package dev.faultlab.protocols.raft.key;

import dev.faultlab.key.Reference;
import dev.faultlab.protocols.raft.Raft;
import dev.faultlab.protocols.raft.ServerSnapshot;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.Trace;

import java.util.List;

/**
 * Raft's servers at a moment of the reference run, read from the states the inspector shows right after one of
 * its events (by replay), never from the live processes; the servers are the processes in the server role.
 */
final class RaftServers {
    /** The servers at a moment, and the time of the event they are seen right after. */
    record Moment(long time, List<ServerSnapshot> servers) {
    }

    private RaftServers() {
    }

    /** Every server right after everything that happens at or before {@code time} (as set up, if nothing does). */
    static List<ServerSnapshot> atOrBefore(Reference reference, long time) {
        Trace trace = reference.run().trace();
        int last = -1;
        while (last + 1 < trace.size() && trace.time(last + 1) <= time) {
            last++;
        }
        return servers(reference.processesAt(last));
    }

    /** Every server right after the first event at or after {@code time}, or after the run's last event if none is. */
    static Moment firstAtOrAfter(Reference reference, long time) {
        Trace trace = reference.run().trace();
        int first = 0;
        while (first < trace.size() - 1 && trace.time(first) < time) {
            first++;
        }
        return new Moment(trace.time(first), servers(reference.processesAt(first)));
    }

    private static List<ServerSnapshot> servers(List<ProcessStatus> processes) {
        return processes.stream().filter(process -> Raft.SERVER.equals(process.role())).map(ServerSnapshot::of).toList();
    }
}
