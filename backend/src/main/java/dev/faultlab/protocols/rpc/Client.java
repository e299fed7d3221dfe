package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.Request;
import dev.faultlab.sim.StableStorage;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RPC client. It locates the server, then makes its calls one after another. It retransmits on a timeout and
 * reacts to the server's recovery announcement and to an aborted call by its reissue {@link Strategy}. Its
 * checkpoint (which call it is on, how many attempts it made, its epoch, and under extermination its log) is in
 * stable storage, so after a crash it restarts the call it was making, after the remedy for orphans has acted.
 */
final class Client implements AsyncProcess {
    private static final String LOCATE = "locate";
    private static final String TIMEOUT = "timeout";
    private static final String EXTEND = "extend";
    private static final String RESUME = "resume";

    private final RpcConfig config;
    private Phase phase = Phase.LOCATING;
    /** The call the client made last: the one a recovery announcement concerns. */
    private Pending current;
    private int requested;

    private enum Phase { LOCATING, WAITING, IDLE, UNLOCATED, REBOOTING }

    /** The latest call: its sequence number, latest attempt and that attempt's epoch; whether M came; whether it is over. */
    private record Pending(int seq, int attempt, int epoch, boolean acked, boolean over) {
        Pending with(boolean newAcked, boolean newOver) {
            return new Pending(seq, attempt, epoch, newAcked, newOver);
        }
    }

    Client(RpcConfig config) {
        this.config = config;
    }

    @Override
    public void onStart(Context ctx) {
        locate(ctx);
    }

    private void locate(Context ctx) {
        phase = Phase.LOCATING;
        ctx.send(RpcConfig.SERVER, new Locate());
        ctx.setTimer(LOCATE, config.locateTimeout());
    }

    @Override
    public void onRequest(Context ctx, Request request) {
        requested++;
        if (phase == Phase.IDLE) {
            next(ctx);
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Bound && phase == Phase.LOCATING) {
            ctx.cancelTimer(LOCATE);
            ctx.stable().put("located", true);
            next(ctx);
        } else if (message instanceof Done done) {
            onDone(ctx, done);
        } else if (message instanceof Recovered) {
            onServerRecovered(ctx);
        } else if (message instanceof Aborted aborted) {
            onAborted(ctx, aborted);
        } else if (message instanceof NewEpoch epoch && epoch.epoch() > epoch(ctx)) {
            ctx.stable().put("epoch", epoch.epoch());
        } else if (message instanceof WhoOwns question) {
            boolean waiting = current != null && current.seq() == question.seq() && current.attempt() == question.attempt()
                    && !current.over() && !current.acked();
            ctx.send(from, new Owner(question.seq(), question.attempt(), waiting));
        }
    }

    private void next(Context ctx) {
        StableStorage stable = ctx.stable();
        int made = stable.contains("seq") ? stable.<Integer>get("seq") : 0;
        if (made >= config.calls() + requested) {
            phase = Phase.IDLE;
            return;
        }
        stable.put("seq", made + 1);
        stable.put("attempt", 0);
        send(ctx, false);
    }

    /** Sends the current call once more; extermination logs it first. */
    private void send(Context ctx, boolean retransmission) {
        StableStorage stable = ctx.stable();
        int seq = stable.get("seq");
        int attempt = stable.<Integer>get("attempt") + 1;
        stable.put("attempt", attempt);
        stable.put("open", true);
        if (config.remedy() == Remedy.EXTERMINATION) {
            List<Integer> log = new ArrayList<>(log(ctx));
            if (!log.contains(seq)) {
                log.add(seq);
            }
            stable.put("log", List.copyOf(log));
        }
        current = new Pending(seq, attempt, epoch(ctx), false, false);
        phase = Phase.WAITING;
        int lease = config.remedy() == Remedy.EXPIRATION ? config.lease() : 0;
        ctx.send(RpcConfig.SERVER, new Call(seq, attempt, epoch(ctx), config.operation().id(), config.amount(), retransmission, lease));
        ctx.setTimer(TIMEOUT, config.timeout());
        if (lease > 0) {
            ctx.setTimer(EXTEND, Math.max(1, lease / 3));
        }
    }

    private void onDone(Context ctx, Done done) {
        if (current == null || done.seq() != current.seq()) {
            ctx.note("gets a completion message for call #" + done.seq() + ", which it is not waiting for");
            return;
        }
        if (config.remedy().epochs() && done.epoch() < current.epoch()) {
            ctx.note("discards the completion message of call #" + done.seq() + ": it comes from epoch " + done.epoch()
                    + ", an orphan of before epoch " + current.epoch());
            return;
        }
        if (current.over()) {
            ctx.note("gets a completion message for call #" + done.seq() + ", which is over already");
            return;
        }
        current = current.with(true, true);
        ctx.cancelTimer(TIMEOUT);
        ctx.cancelTimer(EXTEND);
        closeCall(ctx);
        ctx.output(new Output.Reply(ctx.self(), done.seq(), done.result()));
        next(ctx);
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        switch (timer) {
            case LOCATE -> {
                phase = Phase.UNLOCATED;
                ctx.stateChanged("cannot locate the server: reports the failure to its caller");
                ctx.output(new Output.Reply(ctx.self(), 1, "cannot locate the server"));
            }
            case TIMEOUT -> onTimeout(ctx);
            case EXTEND -> {
                if (current != null && !current.over()) {
                    ctx.send(RpcConfig.SERVER, new Extend(current.seq(), current.attempt()));
                    ctx.setTimer(EXTEND, Math.max(1, config.lease() / 3));
                }
            }
            case RESUME -> resume(ctx);
            default -> throw new IllegalStateException("unknown timer " + timer);
        }
    }

    private void onTimeout(Context ctx) {
        if (current == null || current.over()) {
            return;
        }
        if (config.strategy().reissues(false) && current.attempt() <= config.retries()) {
            ctx.stateChanged("no completion message for call #" + current.seq() + " after " + config.timeout()
                    + " ticks: reissues it (" + config.strategy().label() + ")");
            send(ctx, true);
        } else {
            giveUp(ctx, "no completion message after " + config.timeout() + " ticks");
        }
    }

    private void onServerRecovered(Context ctx) {
        if (current == null || phase == Phase.REBOOTING) {
            return;
        }
        if (config.strategy().reissues(current.acked())) {
            ctx.stateChanged("the server recovered; call #" + current.seq() + " was " + (current.acked() ? "" : "not ")
                    + "acknowledged: reissues it (" + config.strategy().label() + ")");
            send(ctx, true);
        } else {
            ctx.note("the server recovered; call #" + current.seq() + " was " + (current.acked() ? "" : "not ")
                    + "acknowledged: does not reissue it (" + config.strategy().label() + ")");
        }
    }

    private void onAborted(Context ctx, Aborted aborted) {
        if (current == null || aborted.seq() != current.seq() || aborted.attempt() != current.attempt() || current.over()) {
            ctx.note("attempt " + aborted.attempt() + " of call #" + aborted.seq() + " was killed; it no longer waits for it");
            return;
        }
        if (config.strategy().reissues(false) && current.attempt() <= config.retries()) {
            ctx.stateChanged("the server killed call #" + aborted.seq() + ": reissues it (" + config.strategy().label() + ")");
            send(ctx, true);
        } else {
            giveUp(ctx, "the server killed it (" + aborted.reason() + ")");
        }
    }

    private void giveUp(Context ctx, String why) {
        ctx.cancelTimer(TIMEOUT);
        ctx.cancelTimer(EXTEND);
        current = current.with(current.acked(), true);
        closeCall(ctx);
        ctx.stateChanged("gives up on call #" + current.seq() + ": " + why + "; reports a failure to its caller");
        ctx.output(new Output.Reply(ctx.self(), current.seq(), "failed: " + why));
        next(ctx);
    }

    private void closeCall(Context ctx) {
        ctx.stable().put("open", false);
        if (config.remedy() == Remedy.EXTERMINATION) {
            List<Integer> log = new ArrayList<>(log(ctx));
            log.remove(Integer.valueOf(current.seq()));
            ctx.stable().put("log", List.copyOf(log));
        }
    }

    @Override
    public void onRecover(Context ctx) {
        StableStorage stable = ctx.stable();
        if (!stable.contains("located")) {
            locate(ctx);
            return;
        }
        switch (config.remedy()) {
            case EXTERMINATION -> {
                for (int seq : log(ctx)) {
                    ctx.stateChanged("rebooted: its log names call #" + seq + "; asks the server to kill it");
                    ctx.send(RpcConfig.SERVER, new Kill(seq));
                }
                stable.put("log", List.of());
            }
            case REINCARNATION, GENTLE -> {
                int epoch = epoch(ctx) + 1;
                stable.put("epoch", epoch);
                ctx.stateChanged("rebooted: declares epoch " + epoch + " to every machine");
                ctx.broadcast(new NewEpoch(epoch));
            }
            case EXPIRATION -> {
                phase = Phase.REBOOTING;
                ctx.stateChanged("rebooted: waits " + config.lease() + " ticks, one lease, so that every orphan has expired");
                ctx.setTimer(RESUME, config.lease());
                return;
            }
            case NONE -> ctx.stateChanged("rebooted, with no remedy for orphans");
        }
        resume(ctx);
    }

    /** After a reboot: restarts the call the checkpoint says was open, or goes on with the next one. */
    private void resume(Context ctx) {
        StableStorage stable = ctx.stable();
        if (Boolean.TRUE.equals(stable.get("open"))) {
            ctx.note("restarts call #" + stable.get("seq") + " from its checkpoint");
            send(ctx, true);
        } else {
            next(ctx);
        }
    }

    private static int epoch(Context ctx) {
        return ctx.stable().contains("epoch") ? ctx.stable().get("epoch") : 0;
    }

    private static List<Integer> log(Context ctx) {
        return ctx.stable().contains("log") ? ctx.stable().get("log") : List.of();
    }

    /** The checkpoint is in stable storage, which the kernel hashes. */
    @Override
    public Object fingerprint() {
        return Arrays.asList(phase, current, requested);
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("phase", phase.name());
        if (current != null) {
            view.put("call", current.seq());
            view.put("attempt", current.attempt());
            view.put("epoch", current.epoch());
            view.put("acknowledged", current.acked());
            view.put("over", current.over());
        }
        return view;
    }

    @Override
    public StateDisplay display() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("phase", phase.name());
        fields.put("strategy", config.strategy().label());
        fields.put("operation", config.operation().describe(config.amount()));
        Map<String, Object> call = new LinkedHashMap<>();
        if (current != null) {
            call.put("call", current.seq());
            call.put("attempt", current.attempt());
            call.put("epoch", current.epoch());
            call.put("acknowledged", current.acked());
            call.put("over", current.over());
        }
        List<StateDisplay.Section> sections = new ArrayList<>();
        sections.add(new StateDisplay.Fields("Client", fields));
        sections.add(new StateDisplay.Fields("Latest call", call));
        return new StateDisplay(sections);
    }

}
