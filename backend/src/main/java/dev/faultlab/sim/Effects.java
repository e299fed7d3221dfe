package dev.faultlab.sim;

/** What an {@link Intervention} may do to a run: the kernel's parts, as its records apply themselves. */
interface Effects {
    NodeState node(int id);

    int nodeCount();

    Protocol protocol();

    LinkState links();

    Network network();

    /**
     * The node turns Byzantine: from now on its events go to {@code adversary}, which acts through a voice of its
     * own, so a handler still running through the node's previous voice is cut at its next event.
     */
    void takeOver(NodeState node, Adversary adversary);

    void crash(NodeState node);

    void recover(NodeState node);

    /** Counts a lasting fault on its node, and ends it after {@code duration} ticks (null: never) unless a newer one replaced it. */
    void endLater(Intervention.Lasting fault, int node, Long duration);

    /** A FAULT event, then the fault's effect on its target, caused by that event. */
    void fault(Fault recorded, Intervention.FaultIntervention fault);

    /** A REQUEST event, then the process's onRequest, caused by that event. */
    void request(int node, String command);

    /** A FAULT event naming the message, then the action on it if it is still where the action needs it. */
    void messageAction(Fault recorded, Intervention.MessageAction action);
}
