package dev.faultlab.check;

/**
 * A protocol whose processes, once they ignore a message (it changes nothing and they send nothing), would ignore
 * it at any later point too: a message of a round they have left, a message to one that has decided. Such a
 * delivery commutes with everything else, so {@link ValencySearch} takes it at once instead of trying it in every
 * order, which keeps the search of a configuration small enough to see all of it.
 */
public interface IgnoresForever {
}
