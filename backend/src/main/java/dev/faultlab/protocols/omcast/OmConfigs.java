package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Params;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.RecipeException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** Reads and checks a run's parameters: the ordering by name, and the workload given or drawn. */
public final class OmConfigs {
    private static final String WORKLOAD = "params.multicasts";

    private OmConfigs() {
    }

    public static OmConfig of(Params params) {
        Ordering ordering = Ordering.of(params.getString("ordering")).orElseThrow(() -> new RecipeException("params.ordering",
                "must be one of " + Ordering.ids() + ", got '" + params.getString("ordering") + "'"));
        int n = params.getInt("n");
        int runFor = params.getInt("runFor");
        int sequencers = switch (ordering) {
            case MOVING_SEQUENCER -> params.getInt("sequencers");
            case SEQUENCER, FIFO_TOTAL, CAUSAL_TOTAL -> 1;
            default -> 0;
        };
        List<Issue> workload = params.getList("multicasts").map(list -> given(list, n, runFor))
                .orElseGet(() -> drawn(params.random(), n, params.getInt("count"), Math.min(params.getInt("spread"), runFor - 1)));
        return new OmConfig(ordering, n, sequencers, params.getInt("tokenHold"), runFor, workload);
    }

    /** The checked parameters of a recipe of this protocol. */
    public static OmConfig of(Recipe recipe) {
        return of(Params.check(new OrderedMulticast().parameters(), recipe.params(), recipe.seed()));
    }

    private static List<Issue> given(List<?> entries, int n, int runFor) {
        List<Issue> workload = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String field = WORKLOAD + "[" + i + "]";
            if (!(entries.get(i) instanceof List<?> entry) || entry.size() < 2 || entry.size() > 3
                    || entry.stream().anyMatch(v -> !(v instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue()))) {
                throw new RecipeException(field, "must be [member, time] or [member, time, k] in whole numbers, got " + entries.get(i));
            }
            int from = ((Number) entry.get(0)).intValue();
            long at = ((Number) entry.get(1)).longValue();
            if (from < 0 || from >= n) {
                throw new RecipeException(field, "member " + from + " does not exist: members are 0 to " + (n - 1));
            }
            if (at < 0 || at >= runFor) {
                throw new RecipeException(field, "time must be from 0 to runFor - 1 = " + (runFor - 1) + ", got " + at);
            }
            String after = null;
            if (entry.size() == 3) {
                int k = ((Number) entry.get(2)).intValue();
                if (k < 1 || k > i) {
                    throw new RecipeException(field, "can only wait for an earlier multicast, m1 to m" + i + ", got m" + k);
                }
                after = "m" + k;
            }
            workload.add(new Issue(from, at, after, "m" + (i + 1)));
        }
        return workload;
    }

    private static List<Issue> drawn(SplittableRandom random, int n, int count, int spread) {
        List<long[]> drawn = new ArrayList<>();
        for (int member = 0; member < n; member++) {
            for (int k = 0; k < count; k++) {
                drawn.add(new long[] {random.nextInt(spread + 1), member});
            }
        }
        drawn.sort(Comparator.<long[]>comparingLong(d -> d[0]).thenComparingLong(d -> d[1]));
        List<Issue> workload = new ArrayList<>();
        for (long[] d : drawn) {
            workload.add(new Issue((int) d[1], d[0], null, "m" + (workload.size() + 1)));
        }
        return workload;
    }
}
