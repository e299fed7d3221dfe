package dev.faultlab.sim;

import java.util.SplittableRandom;

/**
 * How long a message is in flight, in ticks: {@code constant} (always {@code min}), {@code uniform}
 * (between {@code min} and {@code max}) or {@code exponential} (mean {@code mean}, at least 1).
 */
public record Delay(String kind, long min, long max, double mean) {

    public static Delay constant(long ticks) {
        return new Delay("constant", ticks, ticks, ticks);
    }

    public static Delay uniform(long min, long max) {
        return new Delay("uniform", min, max, (min + max) / 2.0);
    }

    public static Delay exponential(double mean) {
        return new Delay("exponential", 1, Long.MAX_VALUE, mean);
    }

    /** A delay written as a map {@code {kind, min, max, mean}}, as in a NETWORK fault's {@code delay}. */
    static Delay fromMap(java.util.Map<?, ?> map) {
        String kind = map.get("kind") instanceof String k ? k : null;
        long min = map.get("min") instanceof Number m ? m.longValue() : 1;
        long max = map.get("max") instanceof Number m ? m.longValue() : min;
        double mean = map.get("mean") instanceof Number m ? m.doubleValue() : 1;
        if ("constant".equals(kind)) {
            return constant(min);
        }
        if ("uniform".equals(kind)) {
            return uniform(min, max);
        }
        if ("exponential".equals(kind)) {
            return exponential(mean);
        }
        return new Delay(kind, min, max, mean);
    }

    long sample(SplittableRandom random) {
        return switch (kind) {
            case "constant" -> min;
            case "uniform" -> min + random.nextLong(max - min + 1);
            case "exponential" -> Math.max(1, Math.round(-mean * Math.log(1 - random.nextDouble())));
            default -> throw new IllegalStateException("unknown delay kind " + kind);
        };
    }
}
