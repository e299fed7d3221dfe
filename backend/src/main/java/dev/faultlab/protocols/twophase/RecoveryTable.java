package dev.faultlab.protocols.twophase;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The seed's table of actions taken by a participant P in READY that has contacted another participant Q,
 * kept as data so the state inspector, the docs and the tests show the same rows.
 */
public final class RecoveryTable {

    /** What P does after learning Q's state. */
    public enum Action {
        /** Q committed, so the coordinator decided commit: P commits too. */
        COMMIT,
        /** Q aborted, or Q never voted (INIT, and Q aborts as well): the coordinator cannot have decided commit. */
        ABORT,
        /** Q knows no more than P: P needs another participant's state, or stays blocked. */
        CONTACT_ANOTHER
    }

    public static final Map<State, Action> ROWS;

    static {
        Map<State, Action> rows = new EnumMap<>(State.class);
        rows.put(State.COMMIT, Action.COMMIT);
        rows.put(State.ABORT, Action.ABORT);
        rows.put(State.INIT, Action.ABORT);
        rows.put(State.READY, Action.CONTACT_ANOTHER);
        ROWS = Collections.unmodifiableMap(rows);
    }

    private RecoveryTable() {
    }

    /** The action for Q's state; WAIT is the coordinator's state and never a participant's answer. */
    public static Action actionFor(State stateOfQ) {
        Action action = ROWS.get(stateOfQ);
        if (action == null) {
            throw new IllegalArgumentException("a participant is never in " + stateOfQ);
        }
        return action;
    }
}
