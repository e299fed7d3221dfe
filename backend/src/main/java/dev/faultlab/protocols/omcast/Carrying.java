package dev.faultlab.protocols.omcast;

/** A protocol message that carries (or is about) one multicast message: what the monitors follow. */
public interface Carrying {
    MsgId id();
}
