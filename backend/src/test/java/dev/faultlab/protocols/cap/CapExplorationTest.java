package dev.faultlab.protocols.cap;

import dev.faultlab.explore.Search;
import dev.faultlab.explore.SearchBounds;
import dev.faultlab.explore.SearchResult;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer on the register with one write and one read at different replicas: in availability mode, losing the
 * write's gossip by hand is enough for a stale read; in consistency mode no lost message gives one within the first 20,000 states (every order of the
 * messages of both requests, and timeouts firing early).
 */
class CapExplorationTest {
    private static final ProtocolRegistry REGISTRY = Protocols.registry();

    private static Recipe scenario(Mode mode) {
        return new Recipe(Cap.ID, Map.of("n", 3, "mode", mode.id(), "gossip", 0), 1, List.of(
                Fault.at(0, FaultKind.REQUEST, 0, Map.of("command", "write 7")),
                Fault.at(30, FaultKind.REQUEST, 2, Map.of("command", "read"))), null, null);
    }

    private static SearchResult search(Mode mode, int drops, long states) {
        return new Search(REGISTRY, scenario(mode), new SearchBounds(60, 0, drops, states, 120_000, 0, 1, 1),
                Set.of(Linearizable.NAME), progress -> { }, () -> false).run();
    }

    @Test
    void inAvailabilityModeOneLostGossipGivesAStaleRead() {
        SearchResult result = search(Mode.AVAILABILITY, 1, 20_000);

        assertThat(result.outcome()).isEqualTo(SearchResult.Outcome.FOUND);
        assertThat(result.pruned()).isTrue();
        assertThat(result.violation().explanation()).startsWith("stale read: P3 answered read");
    }

    @Test
    void inConsistencyModeNoLossGivesAStaleRead() {
        SearchResult result = search(Mode.CONSISTENCY, 1, 20_000);

        assertThat(result.outcome()).isIn(SearchResult.Outcome.EXHAUSTED, SearchResult.Outcome.BOUNDED);
        assertThat(result.violation()).isNull();
        assertThat(result.progress().distinct()).isGreaterThan(1_000);
    }
}
