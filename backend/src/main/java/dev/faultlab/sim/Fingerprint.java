package dev.faultlab.sim;

/** Hashing for {@link Kernel#fingerprint()}: 64 bits, well mixed, so that distinct states rarely collide. */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** SplitMix64's finalizer: every input bit moves about half the output bits; 0 stays 0. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** An ordered combination: (a, b) and (b, a) differ. */
    public static long combine(long hash, long next) {
        return mix(hash * 0x9e3779b97f4a7c15L + next);
    }
}
