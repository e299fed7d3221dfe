package dev.faultlab.bench;

import dev.faultlab.protocols.Protocols;
import dev.faultlab.protocols.echo.EchoProtocol;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.Protocol;
import dev.faultlab.sim.ProtocolRegistry;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Setup;
import dev.faultlab.sim.Simulation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The kernel side by side with {@link KernelMinimalLoop} in one JVM, on the workload of {@link DeliveriesPerCpuSecond}
 * (8-process echo, 500 waves, trace on): deliveries per CPU second of each, one run of each in turn so that the
 * machine's load weighs on both alike, and their ratio; and the kernel replaying a recorded schedule with the
 * choice scheduler. Arguments: rounds (default 5) and runs of each per round (default 20).
 */
public final class KernelAgainstMinimalLoop {
    private static final int NODES = 8;
    private static final int WAVES = 500;
    private static final long DELIVERIES = (long) NODES * WAVES * 2 * (NODES - 1);
    /** Every fourth scheduling choice takes the second item in the clock's order instead of the first. */
    private static final int SCHEDULE_LENGTH = 40_000;

    private KernelAgainstMinimalLoop() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        ProtocolRegistry registry = Protocols.registry();
        Recipe recipe = Recipe.of(EchoProtocol.ID, Map.of("n", NODES, "waves", WAVES), 1)
                .withBudgets(new Budgets(10_000_000, 10_000_000, 60_000, 64, 1L << 32));
        Protocol echo = registry.find(EchoProtocol.ID).orElseThrow();
        Setup setup = echo.setup(Params.check(echo.parameters(), recipe.params(), recipe.seed()));
        Recipe replay = recipe.withSchedule(recordedSchedule());

        int kernelEvents = kernel(recipe, registry);
        int loopEvents = KernelMinimalLoop.run(setup, recipe.seed());
        // The kernel's trace ends with its END event; everything before it the minimal loop records too.
        if (loopEvents != kernelEvents - 1) {
            throw new IllegalStateException("not the same work: the kernel wrote " + kernelEvents + " events, the loop " + loopEvents);
        }
        long replayDeliveries = deliveries(replay, registry);
        System.out.printf("workload: %d deliveries, %d trace events per run; the replayed schedule: %d deliveries%n",
                DELIVERIES, kernelEvents, replayDeliveries);

        IntSupplier kernelRun = () -> kernel(recipe, registry);
        IntSupplier loopRun = () -> KernelMinimalLoop.run(setup, recipe.seed());
        IntSupplier replayRun = () -> kernel(replay, registry);
        IntSupplier[] contenders = {kernelRun, loopRun, replayRun};
        for (int warmup = 0; warmup < 10; warmup++) {
            cpuSeconds(contenders, 10);
        }
        for (int round = 1; round <= rounds; round++) {
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            double[] seconds = cpuSeconds(contenders, runs);
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            double kernel = runs * DELIVERIES / seconds[0];
            double loop = runs * DELIVERIES / seconds[1];
            double replayed = runs * replayDeliveries / seconds[2];
            System.out.printf("round %d: kernel %.2f M, minimal loop %.2f M deliveries per CPU second: kernel/loop %.0f%%; "
                            + "choice-scheduler replay %.2f M (%.0f%% of the kernel's timed run); load average %.1f to %.1f%n",
                    round, kernel / 1e6, loop / 1e6, 100 * kernel / loop, replayed / 1e6, 100 * replayed / kernel, loadBefore, loadAfter);
        }
    }

    private static List<Integer> recordedSchedule() {
        List<Integer> choices = new ArrayList<>(SCHEDULE_LENGTH);
        for (int i = 0; i < SCHEDULE_LENGTH; i++) {
            choices.add(i % 4 == 3 ? 1 : 0);
        }
        return choices;
    }

    /**
     * CPU seconds each contender took for {@code times} runs, run one after another in turns (starting with a
     * different one each turn), so a change in the machine's load falls on all of them alike.
     */
    private static double[] cpuSeconds(IntSupplier[] contenders, int times) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[contenders.length];
        for (int turn = 0; turn < times; turn++) {
            for (int k = 0; k < contenders.length; k++) {
                int which = (turn + k) % contenders.length;
                long started = threads.getCurrentThreadCpuTime();
                contenders[which].getAsInt();
                nanos[which] += threads.getCurrentThreadCpuTime() - started;
            }
        }
        double[] seconds = new double[contenders.length];
        for (int k = 0; k < contenders.length; k++) {
            seconds[k] = nanos[k] / 1e9;
        }
        return seconds;
    }

    private static int kernel(Recipe recipe, ProtocolRegistry registry) {
        Simulation sim = Simulation.start(recipe, registry);
        sim.runToEnd();
        if (!sim.endReason().completed()) {
            throw new IllegalStateException("benchmark run did not complete: " + sim.endReason());
        }
        return sim.trace().size();
    }

    private static long deliveries(Recipe recipe, ProtocolRegistry registry) {
        Simulation sim = Simulation.start(recipe, registry);
        sim.runToEnd();
        if (!sim.endReason().completed()) {
            throw new IllegalStateException("the replayed schedule did not complete: " + sim.endReason());
        }
        return sim.trace().events().stream().filter(event -> event.kind() == EventKind.DELIVER).count();
    }
}
