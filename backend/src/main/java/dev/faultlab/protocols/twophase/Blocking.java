package dev.faultlab.protocols.twophase;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.ProcessStatus;
import dev.faultlab.sim.Simulation;
import dev.faultlab.sim.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds the participants a 2PC run leaves blocked: up, in READY, without a decision. It reads each process's
 * log from stable storage (what it would recover to, even while crashed) and the trace for crash times.
 * Meant for a run that has ended; on a run in progress it describes the present moment.
 */
public final class Blocking {
    public static final String NAME = "non-blocking";
    /** How a participant's note that it is blocked starts. */
    static final String BLOCKED_NOTE = "blocked";

    private Blocking() {
    }

    /** Where the judgment reads a run's past: the last event of a kind at a process, and an event's time. */
    interface History {
        /** The last event of this kind at the node (whose payload starts with {@code prefix}, if given), or -1. */
        int last(int node, EventKind kind, String prefix);

        long time(int seq);
    }

    public static BlockingReport check(Simulation run) {
        Trace trace = run.trace();
        return judge(TwoPhaseCommit.coordinatorOf(run.recipe()), run.processes(), new History() {
            @Override
            public int last(int node, EventKind kind, String prefix) {
                return lastEventOf(trace, node, kind, prefix);
            }

            @Override
            public long time(int seq) {
                return trace.time(seq);
            }
        });
    }

    /** Who is blocked among {@code processes} as they are now; the same for a finished run and for {@link NonBlocking}. */
    static BlockingReport judge(int coordinator, List<ProcessStatus> processes, History run) {
        List<BlockedParticipant> blocked = new ArrayList<>();
        TreeSet<Integer> witnesses = new TreeSet<>();
        for (ProcessStatus process : processes) {
            if (process.node() != coordinator && process.up() && loggedState(process) == State.READY) {
                blocked.add(describe(run, processes, coordinator, process));
                witnesses.addAll(lastEvents(run, process.node()));
            }
        }
        if (blocked.isEmpty()) {
            return new BlockingReport(List.of(), "no participant is blocked: every participant that is up "
                    + "has decided or never voted commit", List.of());
        }
        if (!processes.get(coordinator).up()) {
            witnesses.add(run.last(coordinator, EventKind.CRASH, null));
        }
        List<String> sentences = blocked.stream().map(BlockedParticipant::explanation).toList();
        return new BlockingReport(blocked, String.join("; ", sentences), new ArrayList<>(witnesses));
    }

    private static BlockedParticipant describe(History run, List<ProcessStatus> processes, int coordinator,
                                               ProcessStatus participant) {
        List<Integer> readyPeers = new ArrayList<>();
        List<Integer> downPeers = new ArrayList<>();
        List<String> otherPeers = new ArrayList<>();
        for (ProcessStatus peer : processes) {
            if (peer.node() == coordinator || peer.node() == participant.node()) {
                continue;
            }
            if (!peer.up()) {
                downPeers.add(peer.node());
            } else if (loggedState(peer) == State.READY) {
                readyPeers.add(peer.node());
            } else {
                otherPeers.add(Names.of(peer.node()) + " is in " + loggedState(peer) + " but "
                        + Names.of(participant.node()) + " has not heard from it");
            }
        }
        long readySince = readySince(participant);
        StringBuilder why = new StringBuilder(Names.of(participant.node()) + " in READY since t=" + readySince + ": "
                + coordinatorStatus(run, processes.get(coordinator), participant.node()));
        if (!readyPeers.isEmpty()) {
            why.append(", ").append(Names.listed(readyPeers)).append(readyPeers.size() == 1 ? " is READY" : " are READY");
        }
        if (!downPeers.isEmpty()) {
            why.append(", ").append(Names.listed(downPeers)).append(downPeers.size() == 1 ? " is down" : " are down");
        }
        for (String other : otherPeers) {
            why.append(", ").append(other);
        }
        return new BlockedParticipant(participant.node(), readySince, readyPeers, downPeers, why.toString());
    }

    private static String coordinatorStatus(History run, ProcessStatus coordinator, int participant) {
        String name = "coordinator " + Names.of(coordinator.node());
        if (!coordinator.up()) {
            int crash = run.last(coordinator.node(), EventKind.CRASH, null);
            return name + " crashed at t=" + run.time(crash);
        }
        return name + " is up in " + loggedState(coordinator) + " but its decision has not reached "
                + Names.of(participant);
    }

    private static State loggedState(ProcessStatus process) {
        return LoggedState.lastState(LoggedState.entriesIn(process.stable()));
    }

    private static long readySince(ProcessStatus participant) {
        List<LogEntry> log = LoggedState.entriesIn(participant.stable());
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).state() == State.READY) {
                return log.get(i).time();
            }
        }
        throw new IllegalStateException(Names.of(participant.node()) + " is in READY but never logged it");
    }

    /** The participant's latest state change (into READY, or its recovery in READY) and its "blocked" note. */
    private static List<Integer> lastEvents(History run, int node) {
        List<Integer> events = new ArrayList<>();
        events.add(run.last(node, EventKind.STATE, null));
        int note = run.last(node, EventKind.NOTE, BLOCKED_NOTE);
        if (note >= 0) {
            events.add(note);
        }
        return events;
    }

    /** The last event of this kind at the node (whose text starts with {@code prefix}, if given), or -1. */
    private static int lastEventOf(Trace trace, int node, EventKind kind, String prefix) {
        for (int seq = trace.size() - 1; seq >= 0; seq--) {
            if (trace.node(seq) == node && trace.kind(seq) == kind
                    && (prefix == null || String.valueOf(trace.event(seq).payload()).startsWith(prefix))) {
                return seq;
            }
        }
        return -1;
    }
}
