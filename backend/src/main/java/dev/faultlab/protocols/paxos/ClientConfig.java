package dev.faultlab.protocols.paxos;

/**
 * What a client needs to know: the servers it may ask (process ids 0 to servers - 1), how many drawn requests
 * it makes, how long it waits before retransmitting, when it starts, and when the run stops setting timers.
 */
record ClientConfig(int servers, int requests, int timeout, int start, int runFor) {
}
