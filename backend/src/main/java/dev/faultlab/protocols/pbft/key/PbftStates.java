package dev.faultlab.protocols.pbft.key;

import dev.faultlab.key.Reference;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.Trace;

import java.util.List;

/** PBFT's processes at a moment of the reference run, as the state inspector shows them (by replay). */
final class PbftStates {
    private PbftStates() {
    }

    /** Every process right after everything that happens at or before {@code time}. */
    static List<ProcessStatus> atOrBefore(Reference reference, long time) {
        Trace trace = reference.run().trace();
        int last = -1;
        while (last + 1 < trace.size() && trace.time(last + 1) <= time) {
            last++;
        }
        return reference.processesAt(last);
    }
}
