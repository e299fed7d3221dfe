package dev.faultlab.protocols.messagelogging;

import dev.faultlab.sim.Simulation;
import org.junit.jupiter.api.Test;

import static dev.faultlab.protocols.messagelogging.LoggingRuns.dump;
import static dev.faultlab.protocols.messagelogging.LoggingRuns.params;
import static dev.faultlab.protocols.messagelogging.LoggingRuns.run;
import static dev.faultlab.protocols.messagelogging.LoggingRuns.slides;

class SlidesOrphanTest {
    @Test
    void print() {
        for (String[] c : new String[][] {{"receiver", "pessimistic"}, {"sender", "optimistic"}, {"sender", "pessimistic"}}) {
            Simulation run = run(slides(params(c[0], c[1]), 25));
            System.out.println(String.join(" ", c) + "\n" + dump(run));
            System.out.println(run.properties());
        }
    }
}
