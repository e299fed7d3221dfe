package dev.faultlab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random but valid recipes of the registered protocols, each made from one long, so a property that
 * fails names a number that rebuilds its recipe exactly.
 */
final class RandomRecipes {
    /** Small enough that a run of any generated recipe takes milliseconds. */
    static final Budgets SMALL = new Budgets(20_000, 400, 10_000, 16, 1L << 30);

    private RandomRecipes() {
    }

    static Recipe recipe(long shape) {
        SplittableRandom random = new SplittableRandom(shape);
        int n = 2 + random.nextInt(5);
        boolean echo = random.nextBoolean();
        Map<String, Object> params = echo
                ? Map.of("n", n, "waves", 1 + random.nextInt(4), "retry", 5 + random.nextInt(20))
                : Map.of("n", n, "f", random.nextInt(n));
        List<Fault> faults = new ArrayList<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            faults.add(fault(random, n, random.nextInt(60)));
        }
        return new Recipe(echo ? "echo" : "flooding", params, random.nextLong(), faults, network(random), SMALL);
    }

    static NetworkSpec network(SplittableRandom random) {
        Delay delay = switch (random.nextInt(3)) {
            case 0 -> Delay.constant(1 + random.nextInt(5));
            case 1 -> Delay.uniform(1, 2 + random.nextInt(10));
            default -> Delay.exponential(1 + random.nextInt(8));
        };
        return new NetworkSpec(delay, random.nextInt(4) * 0.05, random.nextInt(3) * 0.05, random.nextBoolean());
    }

    /** A valid fault of any kind but BYZANTINE (neither registered protocol has behaviours) at {@code time}. */
    static Fault fault(SplittableRandom random, int n, long time) {
        int target = random.nextInt(n);
        int other = (target + 1 + random.nextInt(Math.max(1, n - 1))) % n;
        FaultKind kind = KINDS.get(random.nextInt(KINDS.size()));
        Map<String, Object> params = switch (kind) {
            case CRASH -> random.nextBoolean() ? Map.of() : Map.of("afterSends", random.nextInt(n));
            case SEND_OMISSION, RECEIVE_OMISSION -> Map.of("probability", random.nextInt(11) / 10.0, "duration", 1 + random.nextInt(40));
            case TIMING -> Map.of("extraDelay", random.nextInt(12), "timerFactor", 1 + random.nextInt(3));
            case LINK_DOWN, LINK_UP -> Map.of("to", other, "oneWay", random.nextBoolean());
            case LINK_LOSS -> Map.of("to", other, "probability", random.nextInt(11) / 10.0);
            case PARTITION -> Map.of("groups", List.of(List.of(target)));
            case NETWORK -> Map.of("loss", random.nextInt(3) * 0.1, "delay", Map.of("kind", "uniform", "min", 1, "max", 2 + random.nextInt(6)));
            default -> Map.of();
        };
        return new Fault(time, null, kind, kind.needsTarget() ? target : null, params);
    }

    private static final List<FaultKind> KINDS = List.of(FaultKind.CRASH, FaultKind.RECOVER, FaultKind.SEND_OMISSION,
            FaultKind.RECEIVE_OMISSION, FaultKind.TIMING, FaultKind.LINK_DOWN, FaultKind.LINK_UP, FaultKind.LINK_LOSS,
            FaultKind.PARTITION, FaultKind.HEAL, FaultKind.NETWORK);
}
