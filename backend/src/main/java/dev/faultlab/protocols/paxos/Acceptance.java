package dev.faultlab.protocols.paxos;

/**
 * A message whose sending says that its sender has accepted {@code op} for {@code slot} under {@code ballot}
 * (a regime of the slides' construction, a proposal number of classic Paxos; -1 where messages carry none).
 * The chosen-value monitor counts these.
 */
public interface Acceptance {
    int slot();

    int ballot();

    Op op();
}
