package dev.faultlab.protocols.raft;

/**
 * A run's settings, read from its parameters.
 *
 * @param servers       number of servers (process ids 0 to servers - 1); the clients come after them
 * @param clients       number of clients
 * @param requests      requests each client makes, one after another
 * @param electionMin   shortest election timeout, in ticks
 * @param electionMax   longest election timeout; each timeout is drawn from [electionMin, electionMax]
 * @param heartbeat     ticks between a leader's heartbeats
 * @param clientTimeout ticks a client waits for an answer before retransmitting to the next server
 * @param clientStart   ticks before a client sends its first request
 * @param runFor        no timer is set to fire after this time, so the run ends soon after
 * @param upToDateCheck false: the broken teaching variant that votes without comparing logs
 */
record RaftConfig(int servers, int clients, int requests, int electionMin, int electionMax, int heartbeat,
                  int clientTimeout, int clientStart, int runFor, boolean upToDateCheck) {

    int majority() {
        return servers / 2 + 1;
    }
}
