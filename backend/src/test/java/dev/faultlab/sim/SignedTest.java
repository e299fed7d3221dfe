package dev.faultlab.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signatures a Byzantine node can relay and make in its own name, but never forge in a loyal one's. */
class SignedTest {

    @Test
    void noProtocolCanMakeASignatureExceptThroughItsContext() {
        assertThat(Signed.class.getDeclaredConstructors()).allSatisfy(
                (Constructor<?> c) -> assertThat(Modifier.isPrivate(c.getModifiers())).isTrue());
        assertThat(Arrays.stream(Signed.class.getDeclaredMethods())
                .filter(m -> Signed.class.isAssignableFrom(m.getReturnType()))
                .filter(m -> Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())))
                .extracting(Method::getName).isEmpty();
        assertThat(Signed.class.getDeclaredFields()).allSatisfy(
                (Field f) -> assertThat(Modifier.isFinal(f.getModifiers())).isTrue());
        assertThat(Modifier.isFinal(Signed.class.getModifiers())).isTrue();
    }

    /**
     * P1 (loyal) signs Num(42) for P2, a traitor, which relays it to P3 and also tries to pass off Num(666) as P1's.
     * P3 believes a statement only if P1 signed it.
     */
    @Test
    void aTraitorRelaysALoyalSignatureButItsForgeryCarriesItsOwnName() {
        List<String> believed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<Signed<?>> forged = new ArrayList<>();
        Scripted.Async loyal = Scripted.Async.onStart((ctx, s) -> {
            if (ctx.self() == 0) {
                ctx.send(1, ctx.sign(new Num(42)));
            }
        }).onMessage((ctx, from, m, s) -> {
            Signed<?> signed = (Signed<?>) m;
            (signed.verify(0) ? believed : refused).add(signed.payload + " from " + ProcessLabel.of(from));
        });
        Adversary forger = new Adversary() {
            @Override
            public void onMessage(AdversaryContext ctx, int from, Message message) {
                ctx.send(2, message);
                Signed<Num> forgery = ctx.sign(new Num(666));
                forged.add(forgery);
                ctx.send(2, forgery);
            }
        };
        Protocol protocol = Scripted.async(loyal, new BehaviourSpec("forger", "forges", p -> forger));

        Simulation sim = Scripted.run(protocol, 3, List.of(Fault.at(0, FaultKind.BYZANTINE, 1, Map.of("behaviour", "forger"))));

        assertThat(believed).containsExactly("Num[value=42] from P2");
        assertThat(refused).containsExactly("Num[value=666] from P2");
        assertThat(forged).singleElement().satisfies(f -> {
            assertThat(f.signer).isEqualTo(1);
            assertThat(f.verify(0)).isFalse();
        });
        assertThat(sim.trace().events()).filteredOn(e -> e.kind() == EventKind.SEND && e.node() == 1)
                .extracting(e -> e.payload().toString())
                .containsExactly("Num[value=42] signed by P1", "Num[value=666] signed by P2");
    }

    @Test
    void aSignatureReadsAsItsSignerAndPayloadInTheTraceAndInJson() throws Exception {
        Signed<Num> signed = Signed.by(3, new Num(5));

        assertThat(signed.type()).isEqualTo("Signed Num");
        assertThat(signed).isEqualTo(Signed.by(3, new Num(5))).isNotEqualTo(Signed.by(2, new Num(5)));
        assertThat(new ObjectMapper().writeValueAsString(signed)).isEqualTo("{\"signer\":3,\"payload\":{\"value\":5}}");
    }
}
