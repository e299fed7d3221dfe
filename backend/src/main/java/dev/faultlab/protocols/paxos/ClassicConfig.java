package dev.faultlab.protocols.paxos;

/**
 * A run of classic Paxos: proposers are processes 0 to proposers - 1, then the acceptors, the learners and the
 * clients. Without clients each proposer proposes its own value for the one slot (single-decree Paxos).
 *
 * @param backoffMin shortest wait before a proposer tries again with a higher proposal number
 * @param backoffMax longest such wait; each is drawn between the two
 */
record ClassicConfig(int proposers, int acceptors, int learners, int clients, ClientConfig client, int backoffMin,
                     int backoffMax, int runFor) {

    int firstAcceptor() {
        return proposers;
    }

    int firstLearner() {
        return proposers + acceptors;
    }

    boolean acceptor(int node) {
        return node >= proposers && node < proposers + acceptors;
    }

    int majority() {
        return acceptors / 2 + 1;
    }

    boolean singleDecree() {
        return clients == 0;
    }
}
