package dev.faultlab.protocols.messagelogging;

import java.util.List;

/**
 * A run's settings, checked: who logs, whether a message reaches stable storage before anyone acts on it
 * ({@code pessimistic}) or later ({@code flushDelay} ticks after, else), whether orphans roll back, how often a
 * process checkpoints, how long a sender-based recovery waits before asking again, and the application's script.
 */
public record MlConfig(int n, Logging logging, boolean pessimistic, boolean rollback, int checkpointEvery,
                       int flushDelay, int retry, int runFor, List<Scripted> script) {
    public MlConfig {
        script = List.copyOf(script);
    }
}
