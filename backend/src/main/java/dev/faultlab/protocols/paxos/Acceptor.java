package dev.faultlab.protocols.paxos;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StableLog;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An acceptor of classic Paxos. It promises never to accept a proposal numbered below the highest PREPARE it
 * answered, and accepts any proposal at least that high. Its promise and what it accepted are on stable storage and
 * written before the answer leaves, so a recovered acceptor keeps every promise it made.
 */
final class Acceptor implements AsyncProcess {
    static final String PROMISED = "promised";
    static final String ACCEPTED = "accepted";

    private final ClassicConfig config;
    private final TreeMap<Integer, Vote> accepted = new TreeMap<>();
    private Context context;
    private StableLog<Vote> log;

    Acceptor(ClassicConfig config) {
        this.config = config;
    }

    @Override
    public void onStart(Context ctx) {
        open(ctx);
    }

    @Override
    public void onRecover(Context ctx) {
        open(ctx);
        ctx.stateChanged("recovered: promised " + promised() + ", " + accepted.size() + " accepted proposals");
    }

    private void open(Context ctx) {
        context = ctx;
        if (!ctx.stable().contains(PROMISED)) {
            ctx.stable().put(PROMISED, 0);
        }
        log = ctx.stable().log(ACCEPTED);
        for (Vote vote : log.entries()) {
            accepted.put(vote.slot(), vote);
        }
    }

    private int promised() {
        return context.stable().<Integer>get(PROMISED);
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Prepare prepare) {
            if (prepare.ballot() > promised()) {
                ctx.stable().put(PROMISED, prepare.ballot());
                ctx.send(from, new Promise(prepare.ballot(), new ArrayList<>(accepted.tailMap(prepare.fromSlot(), true).values())));
            } else {
                ctx.note("refuses PREPARE " + prepare.ballot() + " of " + ProcessLabel.of(from) + ": promised " + promised());
                ctx.send(from, new Nack(prepare.ballot(), promised()));
            }
        } else if (message instanceof Propose propose) {
            if (propose.ballot() >= promised()) {
                ctx.stable().put(PROMISED, propose.ballot());
                Vote vote = new Vote(propose.slot(), propose.ballot(), propose.op());
                log.append(vote);
                accepted.put(vote.slot(), vote);
                Accepted answer = new Accepted(propose.ballot(), propose.slot(), propose.op());
                ctx.send(from, answer);
                for (int learner = config.firstLearner(); learner < config.firstLearner() + config.learners(); learner++) {
                    ctx.send(learner, answer);
                }
            } else {
                ctx.note("refuses to accept " + propose.op() + " for slot " + propose.slot() + " under " + propose.ballot()
                        + ": promised " + promised());
                ctx.send(from, new Nack(propose.ballot(), promised()));
            }
        }
    }

    /** The promise and the votes are in stable storage, which the kernel hashes; this is their copy in memory. */
    @Override
    public Object fingerprint() {
        return new TreeMap<>(accepted);
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("promised", context == null ? 0 : promised());
        view.put("accepted", accepted.size());
        return view;
    }

    @Override
    public StateDisplay display() {
        List<List<Object>> rows = new ArrayList<>();
        for (Vote vote : accepted.descendingMap().values()) {
            if (rows.size() == Server.SHOWN) {
                break;
            }
            rows.add(0, StateDisplay.Table.row(vote.slot(), vote.ballot(), vote.op().command()));
        }
        return StateDisplay.of(new StateDisplay.Fields("Acceptor", view()),
                new StateDisplay.Table("Accepted proposals", List.of("slot", "proposal number", "value"), rows));
    }
}
