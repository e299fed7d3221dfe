package dev.faultlab.protocols;

import dev.faultlab.protocols.byzantine.ByzantineAgreement;
import dev.faultlab.protocols.echo.EchoProtocol;
import dev.faultlab.protocols.flooding.FloodingConsensus;
import dev.faultlab.protocols.raft.Raft;
import dev.faultlab.protocols.reliablemulticast.ReliableMulticast;
import dev.faultlab.protocols.twophase.TwoPhaseCommit;
import dev.faultlab.sim.ProtocolRegistry;

import java.util.List;

/** Every protocol FaultLab offers. Adding one is one line here. */
public final class Protocols {
    private Protocols() {
    }

    public static ProtocolRegistry registry() {
        return new ProtocolRegistry(List.of(
                new FloodingConsensus(),
                new EchoProtocol(),
                new TwoPhaseCommit(),
                new ByzantineAgreement(),
                new Raft(),
                new ReliableMulticast()));
    }
}
