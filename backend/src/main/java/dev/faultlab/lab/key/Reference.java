package dev.faultlab.lab.key;

import dev.faultlab.sim.Simulation;

/** The platform's own run of a student's variant, run to its end: every expected answer is read from it. */
public record Reference(Simulation run) {
}
