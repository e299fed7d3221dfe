package dev.faultlab.protocols.twophase;

import dev.faultlab.check.Verdict;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.States;
import dev.faultlab.sim.Trace;
import dev.faultlab.sim.TraceEvent;

import java.util.List;

/**
 * Atomicity of the run's one transaction: no process commits while another aborts. Unlike agreement it
 * counts every process, crashed ones included: a process that committed and then crashed still committed.
 * It turns false at the first decision that contradicts an earlier one.
 */
public final class Atomicity implements Monitor {
    public static final String NAME = "atomicity";

    private TraceEvent firstCommit;
    private TraceEvent firstAbort;
    private Violation violation;

    /** The verdict on a run already stepped, read from its trace. */
    public static Verdict check(Simulation run) {
        Atomicity monitor = new Atomicity();
        Trace trace = run.trace();
        for (int seq = 0; seq < trace.size(); seq++) {
            monitor.onEvent(trace.event(seq), States.NONE);
        }
        return Verdict.of(monitor);
    }

    @Override
    public String property() {
        return NAME;
    }

    @Override
    public void onEvent(TraceEvent event, States states) {
        if (event.kind() != EventKind.DECIDE || violation != null) {
            return;
        }
        if (State.COMMIT.name().equals(event.payload()) && firstCommit == null) {
            firstCommit = event;
        } else if (State.ABORT.name().equals(event.payload()) && firstAbort == null) {
            firstAbort = event;
        } else {
            return;
        }
        if (firstCommit != null && firstAbort != null) {
            violation = new Violation(NAME, event.seq(), describe(firstCommit, "committed") + " but "
                    + describe(firstAbort, "aborted"), List.of(firstCommit.seq(), firstAbort.seq()));
        }
    }

    private static String describe(TraceEvent decision, String verb) {
        return Names.of(decision.node()) + " " + verb + " at t=" + decision.time();
    }

    @Override
    public Violation violation() {
        return violation;
    }

    @Override
    public String holding() {
        if (firstCommit == null && firstAbort == null) {
            return "no process decided";
        }
        return "every process that decided chose " + (firstCommit != null ? "COMMIT" : "ABORT");
    }
}
