package dev.faultlab.protocols.twophase;

import java.util.List;

/**
 * A participant that is up but stuck in READY: it voted commit and cannot learn the decision.
 *
 * @param node        the participant
 * @param readySince  when it logged READY
 * @param readyPeers  other participants that are READY too, so asking them cannot help
 * @param downPeers   other participants that are crashed, so they cannot answer
 * @param explanation the whole story in one sentence, e.g. "P2 in READY since t=1: coordinator P0 crashed at t=2, P1 and P3 are READY"
 */
public record BlockedParticipant(int node, long readySince, List<Integer> readyPeers, List<Integer> downPeers,
                                 String explanation) {
}
