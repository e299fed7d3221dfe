package dev.faultlab.protocols.echo;

import java.util.Arrays;
import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code waves} waves one after another: ping every peer, wait for every echo (pinging the silent
 * ones again when the retry timer fires), then start the next wave. The wave number is kept in stable
 * storage, so a recovered process resumes its wave instead of starting over.
 */
final class EchoProcess implements AsyncProcess {
    private static final String RETRY = "retry";
    private final int waves;
    private final long retry;
    private int wave;
    /** Whether each peer answered the current wave; a process counts as having answered itself. */
    private boolean[] echoed;
    private int missing;

    EchoProcess(int waves, long retry) {
        this.waves = waves;
        this.retry = retry;
    }

    @Override
    public void onStart(Context ctx) {
        startWave(ctx, 1);
    }

    @Override
    public void onRecover(Context ctx) {
        Integer saved = ctx.stable().get("wave");
        startWave(ctx, saved == null ? 1 : saved);
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Ping ping) {
            ctx.send(from, new Echo(ping.wave()));
        } else if (message instanceof Echo echo && echo.wave() == wave && !echoed[from]) {
            echoed[from] = true;
            if (--missing == 0) {
                ctx.cancelTimer(RETRY);
                if (wave == waves) {
                    ctx.decide(waves);
                } else {
                    startWave(ctx, wave + 1);
                }
            }
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        Ping ping = new Ping(wave);
        for (int peer : ctx.peers()) {
            if (!echoed[peer]) {
                ctx.send(peer, ping);
            }
        }
        ctx.setTimer(RETRY, retry);
    }

    private void startWave(Context ctx, int number) {
        wave = number;
        ctx.stable().put("wave", number);
        echoed = new boolean[ctx.n()];
        echoed[ctx.self()] = true;
        missing = ctx.peers().size();
        if (missing == 0) {
            ctx.decide(waves);
            return;
        }
        ctx.broadcast(new Ping(number));
        ctx.setTimer(RETRY, retry);
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(wave, echoed == null ? null : Arrays.toString(echoed), missing);
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("wave", wave);
        view.put("waitingFor", waitingFor());
        return view;
    }

    @Override
    public StateDisplay display() {
        return StateDisplay.of(new StateDisplay.Fields("Process", Map.of("wave", wave)),
                new StateDisplay.Set("Waiting for an echo from", new ArrayList<>(ProcessLabel.of(waitingFor()))));
    }

    private List<Integer> waitingFor() {
        List<Integer> waitingFor = new ArrayList<>();
        for (int peer = 0; echoed != null && peer < echoed.length; peer++) {
            if (!echoed[peer]) {
                waitingFor.add(peer);
            }
        }
        return waitingFor;
    }
}
