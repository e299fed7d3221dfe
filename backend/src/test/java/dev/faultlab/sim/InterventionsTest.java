package dev.faultlab.sim;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.sim.Intervention.Byzantine;
import dev.faultlab.sim.Intervention.ClientRequest;
import dev.faultlab.sim.Intervention.Crash;
import dev.faultlab.sim.Intervention.Deliver;
import dev.faultlab.sim.Intervention.Drop;
import dev.faultlab.sim.Intervention.Duplicate;
import dev.faultlab.sim.Intervention.Heal;
import dev.faultlab.sim.Intervention.Hold;
import dev.faultlab.sim.Intervention.LinkDown;
import dev.faultlab.sim.Intervention.LinkLoss;
import dev.faultlab.sim.Intervention.LinkUp;
import dev.faultlab.sim.Intervention.NetworkChange;
import dev.faultlab.sim.Intervention.Partition;
import dev.faultlab.sim.Intervention.ReceiveOmission;
import dev.faultlab.sim.Intervention.Recover;
import dev.faultlab.sim.Intervention.Release;
import dev.faultlab.sim.Intervention.SendOmission;
import dev.faultlab.sim.Intervention.Timing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each intervention kind reads its typed record from a fault's params, checks them, writes them back, and describes itself. */
class InterventionsTest {
    private static final Protocol BYZANTINE = Protocols.registry().find("byzantine").orElseThrow();
    private static final int NODES = 4;

    private static Intervention read(FaultKind kind, Integer target, Map<String, Object> params) {
        return RecipeValidator.checkInjected(new Fault(0L, null, kind, target, params), BYZANTINE, NODES);
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of(FaultKind.CRASH, 1, Map.of(), new Crash(0, null)),
                Arguments.of(FaultKind.CRASH, 1, Map.of("afterSends", 2), new Crash(2, null)),
                Arguments.of(FaultKind.CRASH, 1, Map.of("reaches", List.of(0, 3)), new Crash(0, List.of(0, 3))),
                Arguments.of(FaultKind.RECOVER, 1, Map.of(), new Recover()),
                Arguments.of(FaultKind.SEND_OMISSION, 2, Map.of(), new SendOmission(1.0, null)),
                Arguments.of(FaultKind.SEND_OMISSION, 2, Map.of("probability", 0.5, "duration", 30), new SendOmission(0.5, 30L)),
                Arguments.of(FaultKind.RECEIVE_OMISSION, 2, Map.of("probability", 0.25), new ReceiveOmission(0.25, null)),
                Arguments.of(FaultKind.TIMING, 0, Map.of("extraDelay", 5), new Timing(5, 1.0, null)),
                Arguments.of(FaultKind.TIMING, 0, Map.of("timerFactor", 2.5, "duration", 9), new Timing(0, 2.5, 9L)),
                Arguments.of(FaultKind.BYZANTINE, 3, Map.of("behaviour", "silent"), new Byzantine("silent", Map.of("behaviour", "silent"))),
                Arguments.of(FaultKind.LINK_DOWN, 0, Map.of("to", 1), new LinkDown(1, false)),
                Arguments.of(FaultKind.LINK_UP, 0, Map.of("to", 1, "oneWay", true), new LinkUp(1, true)),
                Arguments.of(FaultKind.LINK_LOSS, 0, Map.of("to", 2, "probability", 0.3), new LinkLoss(2, 0.3)),
                Arguments.of(FaultKind.PARTITION, null, Map.of("groups", List.of(List.of(0, 1), List.of(2))),
                        new Partition(List.of(List.of(0, 1), List.of(2)))),
                Arguments.of(FaultKind.HEAL, null, Map.of(), new Heal()),
                Arguments.of(FaultKind.NETWORK, null, Map.of("loss", 0.1, "fifo", false),
                        new NetworkChange(0.1, null, false, null)),
                Arguments.of(FaultKind.NETWORK, null, Map.of("delay", Map.of("kind", "uniform", "min", 2, "max", 6)),
                        new NetworkChange(null, null, null, Delay.uniform(2, 6))),
                Arguments.of(FaultKind.REQUEST, 1, Map.of("command", "x=5"), new ClientRequest("x=5")),
                Arguments.of(FaultKind.HOLD, null, Map.of("message", 7), new Hold(7)),
                Arguments.of(FaultKind.RELEASE, null, Map.of("message", 7), new Release(7)),
                Arguments.of(FaultKind.DELIVER, null, Map.of("message", 7), new Deliver(7)),
                Arguments.of(FaultKind.DROP, null, Map.of("message", 7), new Drop(7)),
                Arguments.of(FaultKind.DUPLICATE, null, Map.of("message", 7), new Duplicate(7)));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("examples")
    void readsItsRecordWritesItBackAndIsDescribedByItsKind(FaultKind kind, Integer target, Map<String, Object> params,
                                                          Intervention expected) {
        Intervention read = read(kind, target, params);

        assertThat(read).isEqualTo(expected);
        assertThat(read.kind()).isEqualTo(kind);
        assertThat(read(kind, target, read.toParams())).isEqualTo(read);
        assertThat(kind.spec().kind()).isEqualTo(kind);
        List<String> described = kind.spec().params().stream().map(InterventionParam::name).toList();
        assertThat(read.toParams().keySet()).isSubsetOf(described);
    }

    @Test
    void everyKindHasExamplesAndARecordOfItsOwn() {
        assertThat(examples().map(arguments -> arguments.get()[0]).distinct()).containsExactlyInAnyOrder((Object[]) FaultKind.values());
        assertThat(examples().map(arguments -> arguments.get()[3].getClass()).distinct()).hasSize(FaultKind.values().length);
    }

    @Test
    void eachKindReportsItsOwnRulesInTheStudentsWords() {
        assertThatThrownBy(() -> read(FaultKind.CRASH, 1, Map.of("afterSends", 1, "reaches", List.of(0))))
                .hasMessage("fault.params: give afterSends or reaches, not both");
        assertThatThrownBy(() -> read(FaultKind.TIMING, 1, Map.of("duration", 5)))
                .hasMessage("fault.params: TIMING needs extraDelay (ticks) or timerFactor (>= 1), or both");
        assertThatThrownBy(() -> read(FaultKind.LINK_DOWN, 1, Map.of("to", 1)))
                .hasMessage("fault.params.to: must be another node than the target");
        assertThatThrownBy(() -> read(FaultKind.NETWORK, null, Map.of()))
                .hasMessage("fault.params: NETWORK needs at least one of loss, duplication, fifo, delay");
        assertThatThrownBy(() -> read(FaultKind.BYZANTINE, 1, Map.of("behaviour", "sulky")))
                .hasMessageStartingWith("fault.params.behaviour: must be one of [silent, ");
        assertThatThrownBy(() -> read(FaultKind.PARTITION, null, Map.of("groups", List.of(List.of(0, 1), List.of(1)))))
                .hasMessage("fault.params.groups[1]: node 1 is in more than one group");
        assertThatThrownBy(() -> read(FaultKind.REQUEST, 1, Map.of("command", " ")))
                .hasMessage("fault.params.command: must be text: the client asks for, e.g. x=5");
        assertThatThrownBy(() -> read(FaultKind.HOLD, null, Map.of("message", -1)))
                .hasMessage("fault.params.message: must be the id of a message in flight (a whole number >= 0), got -1");
    }

    @Test
    void messageActionsSayWhyTheyCannotAct() {
        assertThat(new Hold(4).missing(false, true)).isEqualTo("message 4 is held already");
        assertThat(new Hold(4).missing(true, false)).isNull();
        assertThat(new Release(4).missing(true, false)).isEqualTo("message 4 is not held");
        assertThat(new Drop(4).missing(false, false)).isEqualTo("message 4 is not in flight");
        assertThat(new Duplicate(4).missing(false, true)).isNull();
    }

    @Test
    void whatMakesAProcessFaultyIsTheKindsOwnAnswer() {
        assertThat(Arrays.stream(FaultKind.values()).filter(FaultKind::makesFaulty))
                .containsExactly(FaultKind.CRASH, FaultKind.SEND_OMISSION, FaultKind.RECEIVE_OMISSION, FaultKind.TIMING, FaultKind.BYZANTINE);
    }
}
