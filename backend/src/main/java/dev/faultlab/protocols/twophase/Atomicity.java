package dev.faultlab.protocols.twophase;

import dev.faultlab.check.Verdict;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;

import java.util.List;

/**
 * Atomicity of the run's one transaction: no process commits while another aborts. Unlike agreement it
 * counts every process, crashed ones included: a process that committed and then crashed still committed.
 */
public final class Atomicity {
    public static final String NAME = "atomicity";

    private Atomicity() {
    }

    public static Verdict check(Simulation run) {
        Trace trace = run.trace();
        int firstCommit = -1;
        int firstAbort = -1;
        for (int seq = 0; seq < trace.size(); seq++) {
            if (trace.kind(seq) == EventKind.DECIDE) {
                Object decision = trace.event(seq).payload();
                if (State.COMMIT.name().equals(decision) && firstCommit < 0) {
                    firstCommit = seq;
                } else if (State.ABORT.name().equals(decision) && firstAbort < 0) {
                    firstAbort = seq;
                }
            }
        }
        if (firstCommit >= 0 && firstAbort >= 0) {
            return Verdict.violated(NAME, describe(trace, firstCommit, "committed") + " but "
                    + describe(trace, firstAbort, "aborted"), List.of(firstCommit, firstAbort));
        }
        if (firstCommit < 0 && firstAbort < 0) {
            return Verdict.holds(NAME, "no process decided");
        }
        return Verdict.holds(NAME, "every process that decided chose " + (firstCommit >= 0 ? "COMMIT" : "ABORT"));
    }

    private static String describe(Trace trace, int seq, String verb) {
        return Names.of(trace.node(seq)) + " " + verb + " at t=" + trace.time(seq);
    }
}
