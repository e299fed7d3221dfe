package dev.faultlab.sim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultlab.protocols.Protocols;
import dev.faultlab.run.RunCodec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Recipes stored by the kernel before v2 still load from their JSON and replay event for event. */
class StoredTracesTest {

    @TestFactory
    List<DynamicTest> everyStoredRecipeReplaysItsTrace() throws IOException {
        List<StoredTraces.Entry> entries = new ObjectMapper().readValue(Files.readString(StoredTraces.FILE), new TypeReference<>() { });
        assertThat(entries).hasSizeGreaterThan(20);
        ProtocolRegistry registry = Protocols.registry();
        return entries.stream().map(entry -> DynamicTest.dynamicTest(entry.name(), () -> {
            Simulation sim = Simulation.start(RunCodec.recipe(entry.recipe()), registry);
            sim.runToEnd();
            assertThat(sim.trace().size()).isEqualTo(entry.events());
            assertThat(StoredTraces.digest(sim.trace())).isEqualTo(entry.digest());
        })).toList();
    }
}
