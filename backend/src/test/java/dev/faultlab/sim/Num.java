package dev.faultlab.sim;

/** A test message carrying one number. */
record Num(int value) implements Message {
}
