package dev.faultlab.protocols.raft;

import dev.faultlab.check.Verdict;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Delay;
import dev.faultlab.sim.Fault;
import dev.faultlab.sim.FaultKind;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.faultlab.protocols.raft.RaftRuns.answered;
import static dev.faultlab.protocols.raft.RaftRuns.dump;
import static dev.faultlab.protocols.raft.RaftRuns.leaderAt;
import static dev.faultlab.protocols.raft.RaftRuns.notes;
import static dev.faultlab.protocols.raft.RaftRuns.params;
import static dev.faultlab.protocols.raft.RaftRuns.recipe;
import static dev.faultlab.protocols.raft.RaftRuns.servers;
import static dev.faultlab.protocols.raft.RaftRuns.serversAt;
import static dev.faultlab.protocols.raft.RaftRuns.watch;
import static org.assertj.core.api.Assertions.assertThat;

class RaftScenarioTest {
    private static final Map<String, Object> FIVE = params("n", 5, "clients", 1, "requests", 6, "runFor", 1500);
    private static final int CLIENT = 5;

    private static void assertSafeAndLive(RaftMonitors.Watched watched) {
        assertThat(watched.safety()).as(() -> dump(watched.run())).allMatch(Verdict::holds);
        assertThat(watched.liveness().holds()).as(() -> watched.liveness().explanation()).isTrue();
    }

    @Test
    void isRegistered() {
        assertThat(Protocols.registry().find(Raft.ID)).isPresent();
    }

    @Test
    void aFaultFreeClusterElectsOneLeaderAndCommitsEveryRequestEverywhere() {
        RaftMonitors.Watched watched = watch(recipe(FIVE, 1, List.of()));
        Simulation sim = watched.run();

        assertSafeAndLive(watched);
        assertThat(sim.endReason().completed()).isTrue();
        assertThat(answered(sim, CLIENT)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(servers(sim)).allSatisfy(server -> {
            assertThat(server.commitIndex()).isEqualTo(6);
            assertThat(server.term()).isEqualTo(1);
        });
        assertThat(servers(sim).stream().filter(ServerSnapshot::leader)).hasSize(1);
    }

    @Test
    void afterTheLeaderCrashesANewLeaderKeepsEveryCommittedEntryAndTheClientIsServed() {
        Recipe faultFree = recipe(FIVE, 1, List.of());
        int leader = leaderAt(faultFree, 60);
        List<ServerSnapshot> before = serversAt(faultFree, 60);
        int committedBefore = before.get(leader).commitIndex();
        Recipe crash = faultFree.withFault(Fault.at(60, FaultKind.CRASH, leader));

        RaftMonitors.Watched watched = watch(crash);
        Simulation sim = watched.run();

        assertThat(committedBefore).as("the leader committed something before it crashed").isPositive();
        assertSafeAndLive(watched);
        ServerSnapshot next = servers(sim).stream().filter(ServerSnapshot::leader).findFirst().orElseThrow();
        assertThat(next.id()).isNotEqualTo(leader);
        assertThat(next.term()).isGreaterThan(before.get(leader).term());
        assertThat(next.log().subList(0, committedBefore)).isEqualTo(before.get(leader).log().subList(0, committedBefore));
        assertThat(answered(sim, CLIENT)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(notes(sim, CLIENT)).anyMatch(note -> note.startsWith("no answer to request"));
    }

    @Test
    void aFollowerThatCrashedRecoversItsTermVoteAndLogAndCatchesUp() {
        Recipe faultFree = recipe(FIVE, 1, List.of());
        int leader = leaderAt(faultFree, 60);
        int follower = (leader + 1) % 5;
        Recipe recipe = faultFree.withFaults(List.of(Fault.at(58, FaultKind.CRASH, follower), Fault.at(300, FaultKind.RECOVER, follower)));
        ServerSnapshot beforeCrash = serversAt(recipe, 57).get(follower);

        RaftMonitors.Watched watched = watch(recipe);
        Simulation sim = watched.run();

        assertSafeAndLive(watched);
        assertThat(notes(sim, follower)).anyMatch(note -> note.startsWith("recovered as follower: term " + beforeCrash.term()
                + ", voted for " + (beforeCrash.votedFor() == null ? "nobody" : ProcessLabel.of(beforeCrash.votedFor())) + ", "
                + beforeCrash.log().size() + " log entries"));
        List<ServerSnapshot> end = servers(sim);
        assertThat(end.get(follower).log()).isEqualTo(end.get(leader).log());
        assertThat(end.get(follower).commitIndex()).isEqualTo(6);
    }

    @Test
    void aPartitionedLeaderStaysLeaderOfItsOldTermBesideTheNewLeaderAndLosesNothingCommitted() {
        Recipe faultFree = recipe(FIVE, 1, List.of());
        int old = leaderAt(faultFree, 60);
        int buddy = (old + 1) % 5;
        List<Integer> majority = IntStream.range(0, 5).filter(s -> s != old && s != buddy).boxed().toList();
        Recipe recipe = faultFree.withFaults(List.of(
                Fault.network(60, FaultKind.PARTITION, Map.of("groups", List.of(List.of(old, buddy, CLIENT), majority))),
                Fault.network(600, FaultKind.HEAL, Map.of())));

        RaftMonitors.Watched watched = watch(recipe);
        Simulation sim = watched.run();

        assertSafeAndLive(watched);
        assertThat(watched.twoLeaders().holds()).as(watched.twoLeaders().explanation()).isTrue();
        assertThat(watched.twoLeaders().explanation()).contains(ProcessLabel.of(old) + " was still leader of term 1");
        List<ServerSnapshot> during = serversAt(recipe, 550);
        assertThat(during.get(old).leader()).isTrue();
        assertThat(during.get(old).log().size()).as("the stale leader appended the client's request")
                .isGreaterThan(during.get(old).commitIndex());
        List<ServerSnapshot> end = servers(sim);
        assertThat(end.get(old).leader()).as("after healing the stale leader steps down").isFalse();
        assertThat(end.get(old).log()).isEqualTo(end.get(majority.get(0)).log());
        assertThat(answered(sim, CLIENT)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void lostDelayedAndReorderedMessagesDelayButNeverBreakTheLog() {
        Recipe recipe = recipe(params("n", 5, "clients", 2, "requests", 5, "runFor", 3000), 3, List.of())
                .withNetwork(new NetworkSpec(Delay.uniform(1, 8), 0.15, 0.05, false));

        RaftMonitors.Watched watched = watch(recipe);
        Simulation sim = watched.run();

        assertThat(watched.safety()).allMatch(Verdict::holds);
        assertThat(answered(sim, 5)).containsExactly(1, 2, 3, 4, 5);
        assertThat(answered(sim, 6)).containsExactly(1, 2, 3, 4, 5);
        assertThat(sim.trace().events()).anyMatch(e -> "lost in the network".equals(e.detail()));
    }

    @Test
    void aClientRetransmitsOnARedirectAndOnATimeoutUntilItsRequestIsCommitted() {
        // The client starts before any leader exists (P1 knows none), and the leader crashes under it later.
        Recipe faultFree = recipe(params("n", 3, "requests", 3, "runFor", 800), 1, List.of());
        int leader = leaderAt(faultFree, 60);
        Simulation sim = watch(faultFree.withFault(Fault.at(60, FaultKind.CRASH, leader))).run();

        assertThat(notes(sim, 3)).anyMatch(note -> note.equals("P1 knows no leader: will try P2 when the timeout expires"))
                .anyMatch(note -> note.startsWith("no answer to request"))
                .anyMatch(note -> note.contains("is not the leader and names"));
        assertThat(answered(sim, 3)).containsExactly(1, 2, 3);
    }

    @Test
    void aServerRefusesItsVoteToACandidateWithALessUpToDateLog() {
        // P3 missed the term-2 entry; by the paper's rule (last term first) it cannot win against P1 and P2.
        Recipe recipe = recipe(params("n", 3, "clients", 0, "runFor", 400,
                "logs", List.of(List.of(1, 2), List.of(1, 2), List.of(1, 1, 1)), "terms", List.of(2, 2, 2)), 1, List.of());
        int refusals = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Recipe seeded = new Recipe(recipe.protocol(), recipe.params(), seed, recipe.faults(), recipe.network(), recipe.budgets());
            RaftMonitors.Watched watched = watch(seeded);
            assertThat(watched.safety()).allMatch(Verdict::holds);
            assertThat(servers(watched.run()).get(2).leader()).isFalse();
            refusals += notes(watched.run(), 0).stream()
                    .filter(note -> note.startsWith("refuses P3: its log (last entry term 2, index 2) is more up to date")).count();
        }
        assertThat(refusals).as("some seed lets P3 ask P1 for a vote before P1 votes for itself").isPositive();
    }

    @Test
    void aNewLeaderCommitsEntriesOfEarlierTermsOnlyWithAnEntryOfItsOwnTerm() {
        // Every server holds the term-2 entry: a majority, yet the term-3 leader does not count replicas of it
        // (the paper's rule) until the client's request, of term 3, is replicated.
        Recipe recipe = recipe(params("n", 3, "clients", 1, "requests", 1, "clientStart", 300, "runFor", 600,
                "logs", List.of(List.of(1, 2), List.of(1, 2), List.of(1, 2)), "terms", List.of(2, 2, 2)), 1, List.of());

        List<ServerSnapshot> beforeRequest = serversAt(recipe, 299);
        RaftMonitors.Watched watched = watch(recipe);

        assertThat(beforeRequest.stream().filter(ServerSnapshot::leader)).hasSize(1);
        assertThat(beforeRequest).allSatisfy(server -> assertThat(server.commitIndex()).isZero());
        assertThat(watched.safety()).allMatch(Verdict::holds);
        assertThat(servers(watched.run())).allSatisfy(server -> assertThat(server.commitIndex()).isEqualTo(3));
    }

    @Test
    void withoutRandomizedTimeoutsElectionsSplitForEverAndTheLivenessMonitorSaysSo() {
        RaftMonitors.Watched watched = watch(recipe(params("n", 4, "clients", 0, "electionTimeoutMin", 40,
                "electionTimeoutMax", 40, "runFor", 2000), 1, List.of()));

        assertThat(watched.safety()).allMatch(Verdict::holds);
        assertThat(watched.liveness().holds()).isFalse();
        assertThat(watched.liveness().explanation()).contains("no leader was elected");
    }

    @Test
    void aRequestHandedToAClientIsCommittedEverywhereAndAnsweredAsTypedOutputs() {
        Recipe recipe = recipe(params("n", 3, "requests", 0, "runFor", 400), 1,
                List.of(new Fault(100L, null, FaultKind.REQUEST, 3, Map.of("command", "x=5"))));
        Simulation sim = watch(recipe).run();

        assertThat(servers(sim)).allSatisfy(server -> {
            assertThat(server.commitIndex()).isEqualTo(1);
            assertThat(server.log()).extracting(Entry::op).containsExactly("x=5");
        });
        List<Output> outputs = sim.trace().events().stream().map(Output::of).filter(java.util.Objects::nonNull).toList();
        assertThat(outputs).filteredOn(o -> o instanceof Output.Commit).hasSize(3)
                .allSatisfy(o -> assertThat(((Output.Commit) o).index()).isEqualTo(1));
        assertThat(outputs).filteredOn(o -> o instanceof Output.Reply).singleElement()
                .isEqualTo(new Output.Reply(3, 1, "x=5 committed at #1"));
        assertThat(notes(sim, 3)).contains("sends request #1 (x=5) as its request 1");
        assertThat(sim.processes().get(3).role()).isEqualTo(Raft.CLIENT);
        assertThat(sim.processes().get(0).role()).isEqualTo(Raft.SERVER);
    }
}
