package dev.faultlab.protocols.flp.key;

import dev.faultlab.check.Valency;
import dev.faultlab.key.KeyException;
import dev.faultlab.key.Reference;
import dev.faultlab.protocols.flp.InitialValencies;

import java.util.Map;

/** The valencies of the reference run's initial configurations, searched once per reference run. */
final class InitialKey {
    private InitialKey() {
    }

    record Read(Map<String, Valency> valencies) {
    }

    /** Every input vector's valency; refuses a lab whose search cannot tell one, rather than guess. */
    static Map<String, Valency> valencies(Reference reference) {
        Map<String, Valency> valencies = reference.reading(Read.class,
                r -> new Read(InitialValencies.of(r.registry(), r.run().recipe()))).valencies();
        valencies.forEach((inputs, valency) -> {
            if (valency.label().equals(Valency.UNKNOWN)) {
                throw new KeyException("answer", "the search could not tell the valency of inputs " + inputs + ": "
                        + valency.why());
            }
        });
        return valencies;
    }

    static void threeProcesses(Reference reference) {
        if (reference.run().nodeCount() != 3) {
            throw new KeyException("answer", "reads the initial configurations of three processes; the scenario has "
                    + reference.run().nodeCount());
        }
    }
}
