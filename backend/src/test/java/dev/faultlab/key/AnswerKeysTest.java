package dev.faultlab.key;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.echo.EchoProtocol;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Setup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table of answer keys is built from the protocol registry: each protocol brings its own keys. */
class AnswerKeysTest {
    @Test
    void theShippedProtocolsBringTheKeysTheLabsName() {
        AnswerKeys keys = AnswerKeys.of(Protocols.registry());

        assertThat(keys.names()).containsExactly("byzantine.agreement", "byzantine.received", "byzantine.vector",
                "cap.given-up", "cap.reply", "cap.stale-read", "checkpointing.domino", "checkpointing.recovery-line",
                "checkpointing.rollbacks", "dependability", "failuredetector.false-suspicions",
                "failuredetector.first-suspicion", "failuredetector.timeout", "flooding.decisions", "flooding.known",
                "flp.bivalent-inputs", "flp.chain", "flp.statements", "flp.undecided", "logging.orphans",
                "logging.pessimistic", "logging.replayed", "logging.rollback-reason", "omcast.allows",
                "omcast.clock",
                "omcast.fifo-breaks-causality", "paxos.chosen", "paxos.competing-leaders", "paxos.order", "pbft.broken",
                "pbft.certificates", "pbft.messages", "pbft.views", "primarybackup.acknowledged-lost",
                "primarybackup.safe-timeout", "primarybackup.survivors", "raft.committed", "raft.electable",
                "raft.two-leaders", "rmcast.all-or-nothing-broken", "rmcast.feedback", "rmcast.retransmissions",
                "rpc.semantics", "rpc.stopped", "rpc.table", "rpc.twice", "trace.events", "twoarmy.disagree",
                "twoarmy.one-more", "twoarmy.outcome", "twoarmy.proof", "twophase.blocks",
                "twophase.recovery", "voting.defeated", "voting.group-size", "voting.output",
                "vsync.breaks-view-synchrony", "vsync.delivery-views", "vsync.execution");
        assertThat(keys.find("raft.electable").orElseThrow().protocol()).isEqualTo("raft");
        assertThat(keys.find("dependability").orElseThrow().protocol()).isNull();
    }

    @Test
    void withoutProtocolsThatBringKeysOnlyTheKeysForAnyRunAreOffered() {
        AnswerKeys keys = AnswerKeys.of(new ProtocolRegistry(List.of(new EchoProtocol())));

        assertThat(keys.names()).containsExactly("dependability", "trace.events");
        assertThat(keys.find("flooding.known")).isEmpty();
    }

    @Test
    void twoKeysOfOneNameAreRefused() {
        ProtocolRegistry registry = new ProtocolRegistry(List.of(new Keyed("a", "a.count"), new Keyed("b", "a.count")));

        assertThatThrownBy(() -> AnswerKeys.of(registry)).hasMessage("two answer keys are named a.count");
    }

    @Test
    void aProtocolMayOnlyBringKeysForItsOwnRuns() {
        ProtocolRegistry registry = new ProtocolRegistry(List.of(new Keyed("a", "a.count", "b")));

        assertThatThrownBy(() -> AnswerKeys.of(registry))
                .hasMessage("protocol a brings the key a.count, which reads runs of b");
    }

    /** A protocol that brings one number key; it is never run. */
    private record Keyed(String id, String key, String keyProtocol) implements KeyedProtocol {
        Keyed(String id, String key) {
            this(id, key, id);
        }

        @Override
        public List<AnswerKey> answerKeys() {
            return List.of(new NumberKey() {
                @Override
                public Spec spec() {
                    return new Spec(key, keyProtocol, Set.of());
                }

                @Override
                public double expected(Reference reference, Map<String, Object> args) {
                    return reference.run().nodeCount();
                }
            });
        }

        @Override
        public String title() {
            return id;
        }

        @Override
        public String description() {
            return id;
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of();
        }

        @Override
        public Setup setup(Params params) {
            throw new UnsupportedOperationException("never run");
        }
    }
}
