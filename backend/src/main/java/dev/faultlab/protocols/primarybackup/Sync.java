package dev.faultlab.protocols.primarybackup;

import dev.faultlab.sim.Message;

/**
 * What the primary sends its backups for one request, before it answers the client: the request itself (active),
 * the state update (passive) or the request with the leader's choice (semi-active); see {@link Mode}.
 */
public sealed interface Sync extends Message permits ForwardRequest, StateUpdate, LeaderChoice {
    int position();

    int client();

    int seq();

    String op();
}
