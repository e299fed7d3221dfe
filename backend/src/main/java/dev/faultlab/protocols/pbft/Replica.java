package dev.faultlab.protocols.pbft;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Signed;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A PBFT replica, primary of view v when v mod n is its id. The primary timestamps each client request and sends
 * PRE-PREPARE(t, v, o); a backup accepts it if it is in view v and has accepted nothing else at t in v, and sends
 * PREPARE to all; with the pre-prepare and 2k matching prepares (a prepare certificate) a replica sends COMMIT;
 * with 2k + 1 matching commits it executes o, in timestamp order, once, and replies to the client. A backup that
 * knows of a request not executed within its timeout asks for view v + 1 with its certificates; the primary of
 * that view gathers 2k + 1 such messages and re-issues every certified operation in NEW-VIEW. Counts are written
 * for n = 3k + 1; the replica uses n - k and k + 1 ({@link PbftConfig#quorum()}).
 */
final class Replica implements AsyncProcess {
    static final String TIMER = "view-change";

    private final PbftConfig config;
    private int self;
    private int view;
    /** The view this replica is moving to, or -1 while it works in {@link #view}. */
    private int changingTo = -1;
    private int nextT = 1;
    private final TreeMap<Integer, Slot> slots = new TreeMap<>();
    /** The most recent prepare certificate this replica formed for each timestamp, kept across views. */
    private final TreeMap<Integer, PrepareCertificate> certificates = new TreeMap<>();
    private final TreeMap<Integer, Operation> executed = new TreeMap<>();
    /** Requests known here and not yet executed, by "client/seq", in arrival order. */
    private final LinkedHashMap<String, Signed<ClientRequest>> pending = new LinkedHashMap<>();
    /** Per client, the last request executed and its result: executing once, answering retransmissions. */
    private final TreeMap<Integer, Reply> lastReply = new TreeMap<>();
    /** Valid view changes received, by view then signer. */
    private final TreeMap<Integer, TreeMap<Integer, Signed<ViewChange>>> viewChanges = new TreeMap<>();
    /** Ordering messages of views this replica has not entered yet, handled once it enters them. */
    private final TreeMap<Integer, List<Signed<?>>> early = new TreeMap<>();
    private int newViewSent = -1;
    private int attempts;
    private boolean timing;
    private final KeyValueStore store = new KeyValueStore();

    Replica(PbftConfig config) {
        this.config = config;
    }

    @Override
    public void onStart(Context ctx) {
        self = ctx.self();
        if (config.undersized()) {
            ctx.note(config.warning());
        }
    }

    @Override
    public void onRecover(Context ctx) {
        self = ctx.self();
        ctx.note("recovered with nothing: PBFT's state transfer is not modelled, so it only takes part in what comes next");
    }

    private boolean primary() {
        return changingTo < 0 && config.primary(view) == self;
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (!(message instanceof Signed<?> signed)) {
            ctx.note("ignores an unsigned " + message.type() + " from " + ProcessLabel.of(from));
            return;
        }
        Object payload = signed.payload;
        int of = viewOf(payload);
        if (of > view) {
            early.computeIfAbsent(of, v -> new ArrayList<>()).add(signed);
            return;
        }
        if (payload instanceof ClientRequest request && signed.verify(request.op().client())) {
            onRequest(ctx, cast(signed));
        } else if (payload instanceof PrePrepare pp && signed.verify(config.primary(pp.view()))) {
            onPrePrepare(ctx, cast(signed));
        } else if (payload instanceof Prepare prepare && signed.verify(prepare.replica())) {
            onPrepare(ctx, cast(signed));
        } else if (payload instanceof Commit commit && signed.verify(commit.replica())) {
            onCommit(ctx, commit);
        } else if (payload instanceof ViewChange vc && signed.verify(vc.replica())) {
            onViewChange(ctx, cast(signed));
        } else if (payload instanceof NewView nv && signed.verify(config.primary(nv.view()))) {
            onNewView(ctx, nv);
        } else {
            ctx.note("ignores " + signed + ": not signed by whom it must be");
        }
    }

    /** The view an ordering message belongs to, or -1 for the others. */
    private static int viewOf(Object payload) {
        if (payload instanceof PrePrepare pp) {
            return pp.view();
        } else if (payload instanceof Prepare prepare) {
            return prepare.view();
        } else if (payload instanceof Commit commit) {
            return commit.view();
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static <T> Signed<T> cast(Signed<?> signed) {
        return (Signed<T>) signed;
    }

    private static String key(Operation op) {
        return op.client() + "/" + op.seq();
    }

    /** Whether the client's request was executed here already (it numbers its requests one after another). */
    private boolean done(Operation op) {
        Reply last = lastReply.get(op.client());
        return last != null && last.seq() >= op.seq();
    }

    private void onRequest(Context ctx, Signed<ClientRequest> request) {
        Operation op = request.payload.op();
        if (done(op)) {
            Reply last = lastReply.get(op.client());
            if (last.seq() == op.seq()) {
                ctx.send(op.client(), ctx.sign(new Reply(view, last.client(), last.seq(), last.result(), self)));
            }
            return;
        }
        if (pending.get(key(op)) == null) {
            pending.put(key(op), request);
        }
        if (primary()) {
            if (slots.values().stream().noneMatch(slot -> op.equals(slot.op()))) {
                order(ctx, request);
            }
        } else {
            if (changingTo < 0) {
                ctx.send(config.primary(view), request);
            }
            startTimer(ctx);
        }
    }

    /** The primary gives the operation the next timestamp and sends PRE-PREPARE(t, v, o) to the backups. */
    private void order(Context ctx, Signed<ClientRequest> request) {
        int t = nextT++;
        Operation op = request.payload.op();
        Signed<PrePrepare> pp = ctx.sign(new PrePrepare(view, t, op, request));
        slot(t).prePrepare = pp;
        ctx.stateChanged("timestamps " + op + " with t=" + t + " in view " + view);
        replicasOnly(ctx, pp);
    }

    /** A broadcast to the other replicas only: clients take no part in ordering. */
    private void replicasOnly(Context ctx, Message message) {
        for (int to = 0; to < config.n(); to++) {
            if (to != self) {
                ctx.send(to, message);
            }
        }
    }

    private Slot slot(int t) {
        return slots.computeIfAbsent(t, Slot::new);
    }

    private void onPrePrepare(Context ctx, Signed<PrePrepare> signed) {
        PrePrepare pp = signed.payload;
        if (pp.view() != view || changingTo >= 0) {
            ctx.note("refuses PRE-PREPARE(t=" + pp.t() + ", v=" + pp.view() + ", " + pp.op() + "): it is in view " + view
                    + (changingTo >= 0 ? ", moving to view " + changingTo : ""));
            return;
        }
        if (config.primary(view) == self) {
            return;
        }
        if (!pp.authentic()) {
            ctx.note("refuses PRE-PREPARE(t=" + pp.t() + ", v=" + view + ", " + pp.op() + "): no client signed a request for it");
            return;
        }
        Slot slot = slot(pp.t());
        if (slot.prePrepare != null) {
            if (!slot.op().equals(pp.op())) {
                ctx.note("refuses PRE-PREPARE(t=" + pp.t() + ", v=" + view + ", " + pp.op() + "): it accepted " + slot.op()
                        + " at t=" + pp.t() + " in this view");
            }
            return;
        }
        accept(ctx, slot, signed);
        checkPrepared(ctx, slot);
    }

    /** A backup accepts a pre-prepare and sends PREPARE(t, v, o) to the others, the primary included. */
    private void accept(Context ctx, Slot slot, Signed<PrePrepare> pp) {
        slot.prePrepare = pp;
        Operation op = pp.payload.op();
        ctx.stateChanged("accepts PRE-PREPARE(t=" + slot.t + ", v=" + view + ", " + op + ")");
        if (!op.none() && !done(op) && pending.get(key(op)) == null) {
            pending.put(key(op), pp.payload.request());
        }
        if (!op.none() && !done(op)) {
            startTimer(ctx);
        }
        Signed<Prepare> prepare = ctx.sign(new Prepare(view, slot.t, op, self));
        slot.prepares.put(self, prepare);
        replicasOnly(ctx, prepare);
    }

    private void onPrepare(Context ctx, Signed<Prepare> signed) {
        Prepare prepare = signed.payload;
        if (prepare.view() != view || changingTo >= 0 || prepare.replica() == config.primary(view)) {
            return;
        }
        Slot slot = slot(prepare.t());
        slot.prepares.putIfAbsent(prepare.replica(), signed);
        checkPrepared(ctx, slot);
    }

    /** The pre-prepare and 2k matching prepares: a prepare certificate; the replica then sends COMMIT to all. */
    private void checkPrepared(Context ctx, Slot slot) {
        if (slot.certificate != null || slot.prePrepare == null) {
            return;
        }
        List<Signed<Prepare>> matching = slot.matchingPrepares();
        if (matching.size() < config.quorum() - 1) {
            return;
        }
        slot.certificate = new PrepareCertificate(slot.prePrepare, matching.subList(0, config.quorum() - 1));
        certificates.put(slot.t, slot.certificate);
        ctx.stateChanged("holds " + slot.certificate + ": the pre-prepare and " + (config.quorum() - 1) + " matching prepares");
        slot.commits.put(self, slot.op());
        replicasOnly(ctx, ctx.sign(new Commit(view, slot.t, slot.op(), self)));
        executeReady(ctx);
    }

    private void onCommit(Context ctx, Commit commit) {
        if (commit.view() != view || changingTo >= 0) {
            return;
        }
        slot(commit.t()).commits.putIfAbsent(commit.replica(), commit.op());
        executeReady(ctx);
    }

    /** Executes, in timestamp order, every operation that is prepared here and has 2k + 1 matching commits. */
    private void executeReady(Context ctx) {
        while (true) {
            int t = executed.isEmpty() ? 1 : executed.lastKey() + 1;
            Slot slot = slots.get(t);
            if (slot == null || slot.certificate == null || slot.matchingCommits() < config.quorum()) {
                break;
            }
            execute(ctx, t, slot.op());
        }
        // Timestamps executed in an earlier view come round again after a view change: nothing to do for them.
        if (pending.isEmpty()) {
            stopTimer(ctx);
        }
    }

    private void execute(Context ctx, int t, Operation op) {
        executed.put(t, op);
        ctx.output(new Output.Commit(t, op));
        if (op.none()) {
            ctx.stateChanged("executes nothing at t=" + t + " (none)");
            return;
        }
        pending.remove(key(op));
        if (done(op)) {
            ctx.note("skips " + op + " at t=" + t + ": it executed that request already");
            return;
        }
        String result = store.apply(t, op.command());
        Reply reply = new Reply(view, op.client(), op.seq(), result, self);
        lastReply.put(op.client(), reply);
        ctx.stateChanged("executes " + op + " at t=" + t + ": " + result);
        ctx.output(new Output.Reply(op.client(), op.seq(), result));
        if (op.client() >= config.n()) {
            ctx.send(op.client(), ctx.sign(reply));
        }
        attempts = 0;
        if (!pending.isEmpty()) {
            restartTimer(ctx);
        }
    }

    private void startTimer(Context ctx) {
        if (!timing) {
            restartTimer(ctx);
        }
    }

    private void restartTimer(Context ctx) {
        long delay = (long) config.viewTimeout() << Math.min(attempts, 6);
        if (ctx.now() + delay <= config.runFor()) {
            ctx.setTimer(TIMER, delay);
            timing = true;
        } else {
            stopTimer(ctx);
        }
    }

    private void stopTimer(Context ctx) {
        if (timing) {
            ctx.cancelTimer(TIMER);
            timing = false;
        }
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (!timer.equals(TIMER)) {
            return;
        }
        timing = false;
        int target = (changingTo >= 0 ? changingTo : view) + 1;
        ctx.note(changingTo >= 0 ? "no NEW-VIEW for view " + changingTo + " in time: asks for view " + target
                : "a request waited too long: suspects the primary " + ProcessLabel.of(config.primary(view)));
        changeView(ctx, target);
    }

    /** Stops working in the current view and sends VIEW-CHANGE(target, P) with its prepare certificates. */
    private void changeView(Context ctx, int target) {
        changingTo = target;
        attempts++;
        Signed<ViewChange> vc = ctx.sign(new ViewChange(target, self, List.copyOf(certificates.values())));
        viewChanges.computeIfAbsent(target, v -> new TreeMap<>()).put(self, vc);
        ctx.stateChanged("asks for view " + target + " (primary " + ProcessLabel.of(config.primary(target)) + ") with "
                + certificates.size() + " prepare certificate(s)");
        replicasOnly(ctx, vc);
        restartTimer(ctx);
        maybeNewView(ctx, target);
    }

    private void onViewChange(Context ctx, Signed<ViewChange> signed) {
        ViewChange vc = signed.payload;
        if (vc.view() <= view || !config.replica(vc.replica())
                || !vc.certificates().stream().allMatch(c -> c.valid(config))) {
            return;
        }
        viewChanges.computeIfAbsent(vc.view(), v -> new TreeMap<>()).putIfAbsent(vc.replica(), signed);
        joinIfOthersMoved(ctx);
        maybeNewView(ctx, vc.view());
    }

    /** k + 1 replicas asking for later views include a correct one: join the smallest of those views. */
    private void joinIfOthersMoved(Context ctx) {
        int current = changingTo >= 0 ? changingTo : view;
        TreeMap<Integer, Integer> lowestBySigner = new TreeMap<>();
        viewChanges.tailMap(current, false).forEach((v, bySigner) -> bySigner.keySet().forEach(
                signer -> lowestBySigner.merge(signer, v, Math::min)));
        lowestBySigner.remove(self);
        if (lowestBySigner.size() >= config.k() + 1) {
            int target = lowestBySigner.values().stream().min(Integer::compare).orElseThrow();
            ctx.note(lowestBySigner.size() + " replicas ask for a later view: joins the change to view " + target);
            changeView(ctx, target);
        }
    }

    /** The primary of {@code target} with 2k + 1 view changes for it sends NEW-VIEW(v, X, O) and starts the view. */
    private void maybeNewView(Context ctx, int target) {
        TreeMap<Integer, Signed<ViewChange>> x = viewChanges.get(target);
        if (config.primary(target) != self || newViewSent >= target || target <= view || x == null || x.size() < config.quorum()) {
            return;
        }
        newViewSent = target;
        List<Signed<ViewChange>> proof = new ArrayList<>(x.values()).subList(0, config.quorum());
        List<Signed<PrePrepare>> o = Reissue.prePrepares(target, proof).stream().map(ctx::sign).toList();
        replicasOnly(ctx, ctx.sign(new NewView(target, proof, o)));
        install(ctx, target, o);
    }

    private void onNewView(Context ctx, NewView nv) {
        if (nv.view() <= view) {
            return;
        }
        List<PrePrepare> o = nv.prePrepares().stream().map(pp -> pp.payload).toList();
        boolean signedByPrimary = nv.prePrepares().stream().allMatch(pp -> pp.verify(config.primary(nv.view())));
        if (!Reissue.validX(config, nv.view(), nv.viewChanges()) || !signedByPrimary
                || !o.equals(Reissue.prePrepares(nv.view(), nv.viewChanges()))) {
            ctx.note("refuses NEW-VIEW for view " + nv.view() + ": X or O does not check out");
            return;
        }
        install(ctx, nv.view(), nv.prePrepares());
    }

    /** Enters {@code target}: the re-issued pre-prepares are accepted (backups prepare them), then pending requests are ordered. */
    private void install(Context ctx, int target, List<Signed<PrePrepare>> o) {
        view = target;
        changingTo = -1;
        slots.clear();
        viewChanges.headMap(target, true).clear();
        stopTimer(ctx);
        ctx.stateChanged("enters view " + view + " with primary " + ProcessLabel.of(config.primary(view)) + ", "
                + o.size() + " pre-prepare(s) re-issued");
        boolean isPrimary = config.primary(view) == self;
        for (Signed<PrePrepare> pp : o) {
            Slot slot = slot(pp.payload.t());
            if (isPrimary) {
                slot.prePrepare = pp;
            } else {
                accept(ctx, slot, pp);
            }
        }
        nextT = o.size() + 1;
        if (isPrimary) {
            for (Signed<ClientRequest> request : List.copyOf(pending.values())) {
                if (request != null && slots.values().stream().noneMatch(slot -> request.payload.op().equals(slot.op()))) {
                    order(ctx, request);
                }
            }
        } else if (!pending.isEmpty()) {
            startTimer(ctx);
        }
        for (Slot slot : List.copyOf(slots.values())) {
            checkPrepared(ctx, slot);
        }
        List<Signed<?>> arrived = early.getOrDefault(view, List.of());
        early.headMap(view, true).clear();
        for (Signed<?> signed : arrived) {
            onMessage(ctx, signed.signer, signed);
        }
    }

    /** Pending requests count in their arrival order, which is the order a primary assigns them. */
    private Map<Integer, Object> slotsFingerprint() {
        Map<Integer, Object> fingerprints = new TreeMap<>();
        slots.forEach((t, slot) -> fingerprints.put(t, slot.fingerprint()));
        return fingerprints;
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(self, view, changingTo, nextT, slotsFingerprint(), new TreeMap<>(certificates),
                new TreeMap<>(executed), new ArrayList<>(pending.entrySet()), new TreeMap<>(lastReply), new TreeMap<>(viewChanges),
                new TreeMap<>(early), newViewSent, attempts, timing, store.fingerprint());
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>(fields());
        List<Map<String, Object>> log = new ArrayList<>();
        for (Slot slot : slots.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("t", slot.t);
            row.put("prePrepare", slot.op() == null ? null : slot.op().command());
            row.put("prepares", slot.matchingPrepares().size());
            row.put("prepared", slot.certificate != null);
            row.put("commits", slot.matchingCommits());
            row.put("executed", executed.containsKey(slot.t));
            log.add(row);
        }
        view.put("log", log);
        List<String> executedOps = new ArrayList<>();
        executed.forEach((t, op) -> executedOps.add(t + ":" + op.command()));
        view.put("executed", executedOps);
        view.put("certificates", certificates.values().stream().map(PrepareCertificate::toString).toList());
        return view;
    }

    private Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("view", view);
        fields.put("primary", ProcessLabel.of(config.primary(view)));
        fields.put("role", changingTo >= 0 ? "changing to view " + changingTo : config.primary(view) == self ? "primary" : "backup");
        fields.put("lastExecuted", executed.isEmpty() ? 0 : executed.lastKey());
        fields.put("pendingRequests", pending.size());
        return fields;
    }

    @Override
    public StateDisplay display() {
        List<StateDisplay.Section> sections = new ArrayList<>();
        sections.add(new StateDisplay.Fields("Replica", new LinkedHashMap<>(fields())));
        List<List<Object>> rows = new ArrayList<>();
        for (Slot slot : slots.values()) {
            rows.add(StateDisplay.Table.row(slot.t, slot.op() == null ? null : slot.op().command(), slot.matchingPrepares().size(),
                    slot.certificate != null ? "yes" : "no", (int) slot.matchingCommits(), executed.containsKey(slot.t) ? "yes" : "no"));
        }
        sections.add(new StateDisplay.Table("Log (view " + view + ")",
                List.of("t", "pre-prepare", "matching prepares", "prepared", "matching commits", "executed"), rows));
        List<List<Object>> held = new ArrayList<>();
        for (PrepareCertificate certificate : certificates.values()) {
            held.add(StateDisplay.Table.row(certificate.t(), certificate.view(), certificate.op().command(),
                    ProcessLabel.of(certificate.prePrepare().signer) + " + " + String.join(" ", certificate.prepares().stream()
                            .map(p -> ProcessLabel.of(p.signer)).toList())));
        }
        sections.add(new StateDisplay.Table("Prepare certificates", List.of("t", "view", "operation", "signed by"), held));
        List<List<Object>> done = new ArrayList<>();
        executed.forEach((t, op) -> done.add(StateDisplay.Table.row(t, op.command())));
        sections.add(new StateDisplay.Table("Executed", List.of("t", "operation"), done));
        if (!viewChanges.isEmpty()) {
            List<List<Object>> asked = new ArrayList<>();
            viewChanges.forEach((v, bySigner) -> asked.add(StateDisplay.Table.row(v, String.join(" ",
                    bySigner.keySet().stream().map(ProcessLabel::of).toList()))));
            sections.add(new StateDisplay.Table("View changes received", List.of("view", "from"), asked));
        }
        sections.add(new StateDisplay.Fields("Key-value store", new LinkedHashMap<>(store.view())));
        return new StateDisplay(sections);
    }
}
