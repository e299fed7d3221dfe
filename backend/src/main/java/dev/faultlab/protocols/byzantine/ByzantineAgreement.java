package dev.faultlab.protocols.byzantine;

import dev.faultlab.check.AgreementMonitor;
import dev.faultlab.check.TerminationMonitor;
import dev.faultlab.check.UnanimityMonitor;
import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.key.ChartKey;
import dev.faultlab.protocols.byzantine.key.ByzantineKeys;
import dev.faultlab.sim.BehaviourSpec;
import dev.faultlab.sim.Budgets;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.RecipeException;
import dev.faultlab.sim.Setup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Byzantine agreement by oral messages (Lamport, Shostak and Pease), in the m+1-round form the course
 * teaches: every process states its value, relays for m more rounds what it heard with who said it,
 * then builds its vector by recursive majority (OM(m) with each process as commander). Traitors are
 * BYZANTINE faults in the fault plan, each with one of {@link #behaviours()}. With n >= 3m+1 and at
 * most m traitors all loyal processes compute the same vector, with every loyal process's true value.
 */
public final class ByzantineAgreement implements KeyedProtocol {
    public static final String ID = "byzantine";
    /** Each oral message costs a SEND and a DELIVER event. */
    private static final int EVENTS_PER_MESSAGE = 2;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Byzantine agreement by oral messages";
    }

    @Override
    public String description() {
        return "Each process states its value; for m more rounds every process relays what it heard (\"P4 says P1 "
                + "says x\"); then each builds its vector by recursive majority, OM(m). Interactive consistency holds "
                + "with n >= 3m+1 and at most m traitors. Make a process a traitor with a BYZANTINE fault naming one of "
                + "the behaviours. Rule for votes: " + Majority.RULE + ".";
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return ByzantineKeys.all();
    }

    @Override
    public List<ChartKey> chartKeys() {
        return ByzantineKeys.charts();
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("n", 2, 64, 4, "number of processes (generals), P1 to Pn"),
                ParamSpec.integer("m", 0, 62, 1, "traitors to tolerate; the algorithm runs m+1 rounds (at most n-2)"),
                ParamSpec.list("values", "initial value of each process: text such as ATTACK or RETREAT, or whole "
                        + "numbers; leave out to draw ATTACK or RETREAT for each from the recipe's seed"));
    }

    @Override
    public List<BehaviourSpec> behaviours() {
        return Behaviours.ALL;
    }

    @Override
    public Setup setup(Params params) {
        int n = params.getInt("n");
        int m = params.getInt("m");
        if (m > n - 2) {
            throw new RecipeException("params.m", "must be at most n-2=" + (n - 2)
                    + ": a statement passes through m+1 distinct processes besides its receiver, got " + m);
        }
        long messages = messages(n, m);
        long budget = Budgets.defaults().maxEvents();
        if (messages > budget / EVENTS_PER_MESSAGE) {
            throw new RecipeException("params.m", tooManyMessages(n, m, messages, budget));
        }
        List<String> values = initialValues(params);
        if (values.size() != n) {
            throw new RecipeException("params.values", "must give one value per process (n=" + n + "), got " + values.size());
        }
        int rounds = m + 1;
        return Setup.rounds(n, rounds, node -> new ByzantineProcess(node, n, rounds, values.get(node)));
    }

    /**
     * Agreement and termination over the loyal processes, and validity as unanimity: if every loyal process
     * started with the same value, every loyal process decides it (a vote without a majority may decide a
     * value no one started with, so "decisions are inputs" would not hold).
     */
    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        return List.of(new AgreementMonitor(failureModel()), new UnanimityMonitor(failureModel(), initialValues(params)),
                new TerminationMonitor(failureModel(), params.getInt("n"), Long.MAX_VALUE));
    }

    /** The recipe's {@code values}, or ATTACK or RETREAT for each process, drawn from the recipe's seed. */
    private static List<String> initialValues(Params params) {
        if (params.has("values")) {
            return Values.list("params.values", params.getList("values").orElseThrow());
        }
        SplittableRandom random = params.random();
        List<String> drawn = new ArrayList<>();
        for (int node = 0; node < params.getInt("n"); node++) {
            drawn.add(Plan.BOTH.get(random.nextInt(Plan.BOTH.size())));
        }
        return drawn;
    }

    /**
     * Why n and m are too big, in numbers a student can check: how many messages they need (or that it is
     * beyond a billion billion), what a run may hold, and the largest m that fits with this n.
     */
    private static String tooManyMessages(int n, int m, long messages, long budget) {
        int largest = 0;
        while (largest + 1 <= n - 2 && messages(n, largest + 1) <= budget / EVENTS_PER_MESSAGE) {
            largest++;
        }
        String need = messages == Long.MAX_VALUE ? "more than a billion billion" : String.format("%,d", messages);
        return "with n=" + n + " and m=" + m + " the " + (m + 1) + " rounds send " + need + " oral messages, "
                + "but a run holds at most " + String.format("%,d", budget / EVENTS_PER_MESSAGE) + " (each message is "
                + EVENTS_PER_MESSAGE + " of its " + String.format("%,d", budget) + " events): with n=" + n
                + ", m can be at most " + largest;
    }

    /**
     * Oral messages in a run without faults: in round r each of the n processes hears (n-1)(n-2)...(n-r)
     * statements, so the count grows like n^(m+1). Saturates at Long.MAX_VALUE.
     */
    public static long messages(int n, int m) {
        long total = 0;
        for (int round = 1; round <= m + 1; round++) {
            try {
                total = Math.addExact(total, Math.multiplyExact((long) n, Paths.heardInRound(n, round)));
            } catch (ArithmeticException tooMany) {
                return Long.MAX_VALUE;
            }
        }
        return total;
    }
}
