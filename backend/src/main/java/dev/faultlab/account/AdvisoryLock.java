package dev.faultlab.account;

import org.jooq.DSLContext;

/**
 * A PostgreSQL advisory lock held until the transaction ends, named by text. It makes "count the attempts, then
 * record one" a single step across threads and instances: whoever counts next sees the attempt recorded before.
 */
final class AdvisoryLock {
    private AdvisoryLock() {
    }

    /** Waits for the lock on {@code key}; {@code tx} must be inside a transaction. */
    static void acquire(DSLContext tx, String key) {
        tx.fetch("select pg_advisory_xact_lock(hashtextextended(?, 0))", key);
    }
}
