package dev.faultlab.protocols.failuredetector;

import dev.faultlab.chart.Chart;
import dev.faultlab.chart.RunCharts;
import dev.faultlab.key.AnswerKey;
import dev.faultlab.key.ChartKey;
import dev.faultlab.key.KeyedProtocol;
import dev.faultlab.protocols.failuredetector.key.DetectorKeys;
import dev.faultlab.sim.Monitor;
import dev.faultlab.sim.NetworkSpec;
import dev.faultlab.sim.ParamSpec;
import dev.faultlab.sim.Params;
import dev.faultlab.sim.Recipe;
import dev.faultlab.sim.Setup;
import dev.faultlab.sim.TraceEvent;

import java.util.List;

/**
 * Failure detection by heartbeats, as the lecture builds it: every process sends "I'm alive" each period and
 * suspects a peer it has not heard from within its timeout; a late heartbeat lifts the suspicion and lengthens
 * that timeout. With {@code increase} 0 the timeout is fixed, the variant the slides improve on.
 */
public final class FailureDetector implements KeyedProtocol, RunCharts {
    /** Its safety rests on timeouts: a message not there by its bound is taken as lost, or its sender as crashed. */
    @Override
    public boolean synchronous() {
        return true;
    }

    public static final String ID = "failuredetector";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Failure detector (heartbeats and timeouts)";
    }

    @Override
    public String description() {
        return "Every process sends a heartbeat to all others each period and suspects a process it has not heard from "
                + "within its timeout; a heartbeat from a suspected process lifts the suspicion and lengthens that timeout. "
                + "A crashed process stays suspected, but a slow one looks the same until its heartbeat arrives, so suspicions "
                + "can be false until the network is timely again (after GST) and the longer timeouts stop them.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("n", 2, 16, 3, "number of processes, each watching all the others"),
                ParamSpec.integer("period", 1, 100_000, 10, "ticks between two heartbeats of a process"),
                ParamSpec.integer("timeout", 1, 1_000_000, 25, "ticks of silence before a process suspects a peer, at first"),
                ParamSpec.integer("increase", 0, 1_000_000, 10, "ticks added to the timeout for a peer each time a heartbeat "
                        + "arrives from it while it is suspected; 0 keeps the timeout fixed"),
                ParamSpec.integer("runFor", 1, 10_000_000, 400, "the processes send and watch this many ticks, so the run ends"),
                ParamSpec.integer("settle", 0, 10_000_000, 200, "ticks after GST (when the network is timely again) within "
                        + "which the eventual-accuracy monitor lets false suspicions stand"));
    }

    @Override
    public Setup setup(Params params) {
        DetectorConfig config = config(params);
        return Setup.async(config.n(), node -> new Detector(config));
    }

    /** Completeness (judged at the end), eventual accuracy after GST, and the count of false suspicions. */
    @Override
    public List<Monitor> monitors(Params params, NetworkSpec network) {
        DetectorConfig config = config(params);
        return List.of(new Completeness(config), new EventualAccuracy(config, network), new FalseSuspicions(config));
    }

    @Override
    public List<AnswerKey> answerKeys() {
        return DetectorKeys.all();
    }

    @Override
    public List<ChartKey> chartKeys() {
        return DetectorKeys.charts();
    }

    /** Each process's timeouts and how many processes it suspects, over the run so far. */
    @Override
    public List<Chart> runCharts(Recipe recipe, List<TraceEvent> events) {
        return DetectorCharts.of(config(recipe), events);
    }

    static DetectorConfig config(Params params) {
        return new DetectorConfig(params.getInt("n"), params.getInt("period"), params.getInt("timeout"), params.getInt("increase"),
                params.getInt("runFor"), params.getInt("settle"));
    }

    /** The settings of a recipe of this protocol, defaults filled in. */
    public static DetectorConfig config(Recipe recipe) {
        return config(Params.check(new FailureDetector().parameters(), recipe.params(), recipe.seed()));
    }
}
