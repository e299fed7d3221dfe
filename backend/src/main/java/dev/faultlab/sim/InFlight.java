package dev.faultlab.sim;

/** One message in flight (queued or held), as a message action acts on it. */
interface InFlight {
    /** Takes it out of the queue or the held messages. */
    void take();

    void hold();

    /** Queues it again at its due time, or now if that has passed. */
    void release();

    void deliverNow();

    void drop();

    /** Queues a second copy. */
    void duplicate();
}
