package dev.faultlab.protocols.twophase;

import dev.faultlab.check.Verdict;

import java.util.List;

/**
 * Who is blocked at the end of a 2PC run, and why.
 *
 * @param blocked     the blocked participants, in id order (empty if none)
 * @param explanation one sentence per blocked participant, or why nobody is blocked
 * @param witnesses   trace events to look at: the coordinator's crash, and each blocked participant's
 *                    entry into READY and its "blocked" note
 */
public record BlockingReport(List<BlockedParticipant> blocked, String explanation, List<Integer> witnesses) {

    public BlockingReport {
        blocked = List.copyOf(blocked);
        witnesses = List.copyOf(witnesses);
    }

    public boolean isBlocked() {
        return !blocked.isEmpty();
    }

    /**
     * The report as the verdict of the property "non-blocking", violated (with the witnesses) when some
     * participant is blocked: a fault-plan challenge like "make 2PC block with one crash" is passed by a
     * plan whose run violates it, and {@code Explorer} finds such plans.
     */
    public Verdict verdict() {
        return isBlocked() ? Verdict.violated(Blocking.NAME, explanation, witnesses) : Verdict.holds(Blocking.NAME, explanation);
    }
}
