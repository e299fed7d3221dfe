package dev.faultlab.check;

import dev.faultlab.sim.Recipe;

/** A recipe whose run violates a property: an ordinary run a student can open, with the verdict and how many recipes were tried. */
public record Counterexample(Recipe recipe, Verdict verdict, int tried) {
}
