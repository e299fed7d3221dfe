package dev.faultlab.protocols;

import dev.faultlab.protocols.byzantine.ByzantineAgreement;
import dev.faultlab.protocols.cap.Cap;
import dev.faultlab.protocols.checkpointing.Checkpointing;
import dev.faultlab.protocols.echo.EchoProtocol;
import dev.faultlab.protocols.failuredetector.FailureDetector;
import dev.faultlab.protocols.flooding.FloodingConsensus;
import dev.faultlab.protocols.flp.Flp;
import dev.faultlab.protocols.messagelogging.MessageLogging;
import dev.faultlab.protocols.omcast.OrderedMulticast;
import dev.faultlab.protocols.paxos.ClassicPaxos;
import dev.faultlab.protocols.paxos.SlidesPaxos;
import dev.faultlab.protocols.pbft.Pbft;
import dev.faultlab.protocols.primarybackup.PrimaryBackup;
import dev.faultlab.protocols.raft.Raft;
import dev.faultlab.protocols.reliablemulticast.ReliableMulticast;
import dev.faultlab.protocols.rpc.Rpc;
import dev.faultlab.protocols.twoarmy.TwoArmy;
import dev.faultlab.protocols.twophase.TwoPhaseCommit;
import dev.faultlab.protocols.virtualsynchrony.VirtualSynchrony;
import dev.faultlab.protocols.voting.Voting;
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
                new SlidesPaxos(),
                new ClassicPaxos(),
                new Pbft(),
                new PrimaryBackup(),
                new Voting(),
                new Rpc(),
                new FailureDetector(),
                new ReliableMulticast(),
                new OrderedMulticast(),
                new VirtualSynchrony(),
                new TwoArmy(),
                new Cap(),
                new Flp(),
                new Checkpointing(),
                new MessageLogging(),
                new Raft()));
    }
}
