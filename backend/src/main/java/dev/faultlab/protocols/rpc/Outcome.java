package dev.faultlab.protocols.rpc;

/** How often the server carried out the call: the lecture's OK (once), DUP (twice or more) and ZERO (never). */
public enum Outcome {
    OK, DUP, ZERO;

    public static Outcome of(int executions) {
        return executions == 0 ? ZERO : executions == 1 ? OK : DUP;
    }
}
