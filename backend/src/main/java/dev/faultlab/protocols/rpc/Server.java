package dev.faultlab.protocols.rpc;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The RPC server. It starts a computation for every request it takes on, sends the completion message M before
 * or after doing the work P (its {@link Order}), and keeps the effect of the work in stable storage. A crash
 * loses every running computation; the recovered server announces itself to the clients. With sequence numbers
 * it answers a call it already carried out from its table; with a remedy for orphans it kills computations as
 * that remedy says, and tells their owners.
 */
final class Server implements AsyncProcess {
    private static final String WORK = "work-";
    private static final String LEASE = "lease-";
    private static final String OWNERS = "owners";

    private final RpcConfig config;
    private final Map<Integer, Computation> running = new TreeMap<>();
    private ServerStore store;
    private int nextId = 1;

    Server(RpcConfig config) {
        this.config = config;
    }

    @Override
    public void onStart(Context ctx) {
        store = new ServerStore(ctx.stable());
    }

    @Override
    public void onRecover(Context ctx) {
        store = new ServerStore(ctx.stable());
        ctx.stateChanged("recovered with " + store.accounts() + "; every computation it was running is lost: announces the recovery to the clients");
        ctx.broadcast(new Recovered());
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Locate) {
            ctx.send(from, new Bound());
        } else if (message instanceof Call call) {
            onCall(ctx, from, call);
        } else if (message instanceof Extend extend) {
            onExtend(ctx, from, extend);
        } else if (message instanceof Kill kill) {
            running.values().stream().filter(c -> c.client() == from && c.seq() == kill.seq()).toList()
                    .forEach(c -> kill(ctx, c, "the log of " + ProcessLabel.of(from) + " names it: exterminated"));
        } else if (message instanceof NewEpoch epoch) {
            onNewEpoch(ctx, from, epoch.epoch());
        } else if (message instanceof Owner owner) {
            onOwner(ctx, from, owner);
        }
    }

    private void onCall(Context ctx, int client, Call call) {
        String who = "call #" + call.seq() + " of " + ProcessLabel.of(client);
        if (config.dedup() && store.latest(client) >= call.seq()) {
            ctx.note(who + " is a duplicate: sequence number " + call.seq() + " was carried out already; answers from its table");
            ctx.send(client, new Done(call.seq(), call.attempt(), call.epoch(), store.result(client), true));
            return;
        }
        if (config.dedup() && running.values().stream().anyMatch(c -> c.client() == client && c.seq() == call.seq())) {
            ctx.note(who + " is already being worked on: the retransmission starts nothing new");
            return;
        }
        Operation operation = Operation.of(call.operation());
        Computation computation = new Computation(nextId++, client, call.seq(), call.attempt(), call.epoch(), operation,
                call.amount(), ctx.now(), false);
        running.put(computation.id(), computation);
        ctx.stateChanged("starts " + computation.describe() + ": " + operation.describe(call.amount()));
        if (config.order() == Order.MP) {
            ctx.send(client, new Done(call.seq(), call.attempt(), call.epoch(), "accepted; the work follows", false));
        }
        if (call.lease() > 0) {
            ctx.setTimer(LEASE + computation.id(), call.lease());
        }
        if (config.work() == 0) {
            finish(ctx, computation.id());
        } else {
            ctx.setTimer(WORK + computation.id(), config.work());
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (timer.startsWith(WORK)) {
            finish(ctx, Integer.parseInt(timer.substring(WORK.length())));
        } else if (timer.startsWith(LEASE)) {
            Computation computation = running.get(Integer.parseInt(timer.substring(LEASE.length())));
            if (computation != null) {
                kill(ctx, computation, "its lease of " + config.lease() + " ticks ran out without an extension");
            }
        } else if (timer.equals(OWNERS)) {
            running.values().stream().filter(Computation::askedOwner).toList()
                    .forEach(c -> kill(ctx, c, "its owner " + ProcessLabel.of(c.client()) + " could not be found"));
        }
    }

    /** Does the work P of a computation; under P then M, sends the completion message right after. */
    private void finish(Context ctx, int id) {
        Computation computation = running.remove(id);
        ctx.cancelTimer(LEASE + id);
        int client = computation.client();
        if (config.dedup() && store.latest(client) >= computation.seq()) {
            ctx.note(computation.describe() + " was carried out by another attempt already: not again");
            if (config.order() == Order.PM) {
                ctx.send(client, new Done(computation.seq(), computation.attempt(), computation.epoch(), store.result(client), true));
            }
            return;
        }
        Accounts after = computation.operation().apply(store.accounts(), computation.amount());
        String result = computation.operation().describe(computation.amount()) + ": " + after;
        ctx.output(new Output.Commit(store.executed() + 1L, new Execution(client, computation.seq(), computation.attempt(),
                computation.operation().describe(computation.amount()), computation.operation().idempotent(), after.toString())));
        // Written after the output and before the next event: a crash cannot fall between the effect and its record.
        store.record(after, client, computation.seq(), result, config.dedup());
        if (config.order() == Order.PM) {
            ctx.send(client, new Done(computation.seq(), computation.attempt(), computation.epoch(), result, false));
        }
    }

    private void onExtend(Context ctx, int client, Extend extend) {
        running.values().stream().filter(c -> c.client() == client && c.seq() == extend.seq() && c.attempt() == extend.attempt())
                .findFirst().ifPresent(c -> ctx.setTimer(LEASE + c.id(), config.lease()));
    }

    private void onNewEpoch(Context ctx, int from, int epoch) {
        if (epoch <= store.epoch()) {
            return;
        }
        store.epoch(epoch);
        List<Computation> older = running.values().stream().filter(c -> c.epoch() < epoch).toList();
        if (config.remedy() == Remedy.REINCARNATION) {
            older.forEach(c -> kill(ctx, c, "it belongs to epoch " + c.epoch() + ", and " + ProcessLabel.of(from)
                    + " declared epoch " + epoch));
        } else if (config.remedy() == Remedy.GENTLE && !older.isEmpty()) {
            for (Computation c : older) {
                running.put(c.id(), c.askingOwner(true));
                ctx.send(c.client(), new WhoOwns(c.seq(), c.attempt()));
            }
            ctx.setTimer(OWNERS, config.timeout());
        }
    }

    private void onOwner(Context ctx, int client, Owner owner) {
        running.values().stream().filter(c -> c.askedOwner() && c.client() == client && c.seq() == owner.seq()
                && c.attempt() == owner.attempt()).toList().forEach(c -> {
                    if (owner.waiting()) {
                        running.put(c.id(), c.askingOwner(false));
                        ctx.note(ProcessLabel.of(client) + " still waits for " + c.describe() + ": it goes on");
                    } else {
                        kill(ctx, c, "its owner " + ProcessLabel.of(client) + " does not claim it");
                    }
                });
    }

    private void kill(Context ctx, Computation computation, String reason) {
        running.remove(computation.id());
        ctx.cancelTimer(WORK + computation.id());
        ctx.cancelTimer(LEASE + computation.id());
        ctx.stateChanged("kills " + computation.describe() + ": " + reason);
        ctx.send(computation.client(), new Aborted(computation.seq(), computation.attempt(), reason));
    }

    /** The accounts and the table are in stable storage, which the kernel hashes. */
    @Override
    public Object fingerprint() {
        return Arrays.asList(new ArrayList<>(running.values()), nextId);
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        if (store != null) {
            view.put("accounts", store.accounts().toString());
            view.put("executed", store.executed());
            view.put("epoch", store.epoch());
        }
        List<Map<String, Object>> computations = new ArrayList<>();
        for (Computation c : running.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("client", ProcessLabel.of(c.client()));
            row.put("seq", c.seq());
            row.put("attempt", c.attempt());
            row.put("epoch", c.epoch());
            row.put("operation", c.operation().describe(c.amount()));
            row.put("started", c.started());
            computations.add(row);
        }
        view.put("running", computations);
        return view;
    }

    @Override
    public StateDisplay display() {
        List<StateDisplay.Section> sections = new ArrayList<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("order", config.order().label());
        fields.put("sequence numbers", config.dedup() ? "on" : "off");
        fields.put("orphan remedy", config.remedy().id());
        if (store != null) {
            Accounts accounts = store.accounts();
            fields.put("account A", accounts.a());
            fields.put("account B", accounts.b());
            fields.put("documents printed", accounts.printed());
            fields.put("calls carried out", store.executed());
            fields.put("epoch", store.epoch());
        }
        sections.add(new StateDisplay.Fields("Server", fields));
        List<List<Object>> rows = new ArrayList<>();
        for (Computation c : running.values()) {
            rows.add(StateDisplay.Table.row(ProcessLabel.of(c.client()), c.seq(), c.attempt(), c.epoch(),
                    c.operation().describe(c.amount()), c.started(), c.askedOwner() ? "asking its owner" : "running"));
        }
        sections.add(new StateDisplay.Table("Computations", List.of("client", "call", "attempt", "epoch", "operation",
                "started", "status"), rows));
        if (config.dedup() && store != null) {
            List<List<Object>> table = new ArrayList<>();
            for (int client = 1; client <= config.clients(); client++) {
                table.add(StateDisplay.Table.row(ProcessLabel.of(client), store.latest(client), store.result(client)));
            }
            sections.add(new StateDisplay.Table("Sequence numbers", List.of("client", "last call carried out", "its result"), table));
        }
        return new StateDisplay(sections);
    }
}
