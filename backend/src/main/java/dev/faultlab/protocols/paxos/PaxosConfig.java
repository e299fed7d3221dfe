package dev.faultlab.protocols.paxos;

/**
 * A run of the slides' construction, read from its parameters.
 *
 * @param servers        number of servers, process ids 0 to servers - 1 (S1 to Sn); clients come after them
 * @param heartbeat      ticks between the leader's ALIVE messages (and its retransmissions)
 * @param suspectTimeout ticks a server waits for word from the leader before it suspects it
 * @param leaderIds      false: the slides' unsafe variant, accepts carry no leader id and there is no takeover
 * @param majorityWait   false: the slides' unsafe variant, a server executes what it holds without waiting for LEARNs
 */
record PaxosConfig(int servers, ClientConfig client, int clients, int heartbeat, int suspectTimeout, int runFor,
                   boolean leaderIds, boolean majorityWait) {

    int majority() {
        return servers / 2 + 1;
    }
}
