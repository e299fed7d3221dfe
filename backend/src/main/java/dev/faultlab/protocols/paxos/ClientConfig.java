package dev.faultlab.protocols.paxos;

/**
 * What a client needs to know: the servers it may ask (process ids 0 to servers - 1), the id of the first client
 * (clients spread their first requests over the servers), how many drawn requests it makes, how long it waits
 * before retransmitting, when it starts, and when the run stops setting timers.
 */
record ClientConfig(int servers, int firstClient, int requests, int timeout, int start, int runFor) {
}
