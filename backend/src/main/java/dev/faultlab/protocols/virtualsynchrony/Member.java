package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Request;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A process of the group. As a member it multicasts in its view, acknowledges what it receives and delivers in
 * the variant's order; on a view change it sends on its unstable messages, then a flush, and installs the new view
 * once every other process of the change has flushed. The view's coordinator (its lowest member nobody suspects)
 * starts view changes for crashes it suspects, joins and leaves. Outside the group a process waits for its join.
 */
final class Member implements AsyncProcess {
    static final String TICK = "tick";
    static final String JOIN = "join";
    static final String LEAVE = "leave";
    static final String MULTICAST = "multicast:";
    static final String LEFT = "left";

    private final GroupConfig config;
    private final int self;
    private final FailureDetector detector;
    private GroupView view;
    private ViewMessages messages;
    private boolean left;
    private boolean joining;
    private boolean leaving;
    private Proposal pending;
    private final List<ReceivedFlush> flushes = new ArrayList<>();
    /** Messages of a view this process has not installed yet, from members that installed it first. */
    private final List<Early> early = new ArrayList<>();
    private final List<String> queued = new ArrayList<>();
    private final TreeSet<Integer> wantJoin = new TreeSet<>();
    private final TreeSet<Integer> wantLeave = new TreeSet<>();
    private int number;
    private int seqInView;
    private long lastAsked;

    private record ReceivedFlush(int from, Flush flush) {
    }

    private record Early(int from, Message message) {
    }

    Member(GroupConfig config, int self) {
        this.config = config;
        this.self = self;
        this.detector = new FailureDetector(config.timeout());
    }

    @Override
    public void onStart(Context ctx) {
        if (config.initialMember(self)) {
            install(ctx, new GroupView(1, config.initialMembers()));
        } else {
            ctx.setTimer(JOIN, config.joinAt().get(self));
        }
        if (config.leaveAt().get(self) > 0) {
            ctx.setTimer(LEAVE, config.leaveAt().get(self));
        }
        List<GroupConfig.Planned> planned = config.multicasts();
        for (int i = 0; i < planned.size(); i++) {
            if (planned.get(i).node() == self) {
                ctx.setTimer(MULTICAST + i, planned.get(i).time());
            }
        }
        tickLater(ctx);
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (timer.equals(TICK)) {
            tick(ctx);
        } else if (timer.equals(JOIN)) {
            askToJoin(ctx);
        } else if (timer.equals(LEAVE)) {
            askToLeave(ctx);
        } else if (timer.startsWith(MULTICAST)) {
            multicast(ctx, null);
        }
    }

    @Override
    public void onRequest(Context ctx, Request request) {
        String command = request.command().trim();
        if (command.equalsIgnoreCase(JOIN)) {
            askToJoin(ctx);
        } else if (command.equalsIgnoreCase(LEAVE)) {
            askToLeave(ctx);
        } else {
            multicast(ctx, command);
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        detector.heard(from, ctx.now());
        if (message instanceof Data || message instanceof Ack || message instanceof Order) {
            onViewMessage(ctx, from, message);
        } else if (message instanceof ViewChange change) {
            onViewChange(ctx, change.proposal());
        } else if (message instanceof Flush flush) {
            flushes.add(new ReceivedFlush(from, flush));
            completeFlush(ctx);
        } else if (message instanceof Join) {
            if (view != null && !view.members().contains(from)) {
                wantJoin.add(from);
                changeViewIfCoordinator(ctx);
            }
        } else if (message instanceof Leave) {
            if (view != null && view.members().contains(from)) {
                wantLeave.add(from);
                changeViewIfCoordinator(ctx);
            }
        }
    }

    // --- multicasting ---

    private void multicast(Context ctx, String text) {
        if (view == null) {
            ctx.note(ProcessLabel.of(self) + " is not a member of the group: it cannot multicast");
            return;
        }
        if (pending != null) {
            queued.add(text);
            ctx.note("view change in progress: the multicast waits for the next view");
            return;
        }
        number++;
        seqInView++;
        Data data = messages.stamp(self, number, seqInView, text == null ? new MessageId(self, number).label() : text);
        messages.receive(data, self, self);
        for (int member : view.members()) {
            if (member != self) {
                ctx.send(member, data);
            }
        }
        afterReceipt(ctx);
    }

    /** A message that belongs to a view: kept for later if this process has not installed that view yet. */
    private void onViewMessage(Context ctx, int from, Message message) {
        int of = message instanceof Data data ? data.view() : message instanceof Ack ack ? ack.view() : ((Order) message).view();
        if (view == null ? joining && !left : of > view.id()) {
            early.add(new Early(from, message));
        } else if (view == null) {
            return;
        } else if (message instanceof Data data) {
            onData(ctx, from, data);
        } else if (message instanceof Ack ack) {
            if (ack.view() == view.id()) {
                messages.acknowledged(ack.id(), from);
            }
        } else if (message instanceof Order place && place.view() == view.id()) {
            messages.ordered(place);
            deliver(ctx, messages.deliverable());
        }
    }

    private void onData(Context ctx, int from, Data data) {
        if (data.view() < view.id()) {
            if (config.flush()) {
                ctx.note(data.id().label() + " belongs to view " + data.view() + ", which is closed: dropped");
            } else {
                ctx.note("no flush, so no barrier: " + data.id().label() + " of view " + data.view() + " is delivered in view " + view.id());
                ctx.output(new Output.Deliver(data.id().origin(), data));
            }
            return;
        }
        if (pending != null && messages.frozen() && !pending.flushers().contains(from)) {
            ctx.note(data.id().label() + " arrived from " + ProcessLabel.of(from) + ", which is out of the view change, after this process flushed: dropped");
            return;
        }
        if (messages.receive(data, self, from)) {
            for (int member : view.members()) {
                if (member != self) {
                    ctx.send(member, new Ack(data.id(), view.id()));
                }
            }
        }
        afterReceipt(ctx);
    }

    private void afterReceipt(Context ctx) {
        if (config.variant().total() && self == view.first() && pending == null) {
            for (Order place : messages.sequence()) {
                for (int member : view.members()) {
                    if (member != self) {
                        ctx.send(member, place);
                    }
                }
            }
        }
        deliver(ctx, messages.deliverable());
    }

    private static void deliver(Context ctx, List<Data> delivered) {
        for (Data data : delivered) {
            ctx.output(new Output.Deliver(data.id().origin(), data));
        }
    }

    // --- membership ---

    private void tick(Context ctx) {
        if (view != null) {
            List<Integer> watched = watched();
            for (int node : watched) {
                ctx.send(node, new Heartbeat(view.id()));
            }
            List<Integer> fresh = detector.check(watched, ctx.now());
            if (!fresh.isEmpty()) {
                ctx.note(ProcessLabel.of(self) + " suspects " + GroupView.labels(fresh) + ": nothing heard for over " + config.timeout() + " ticks");
                changeViewIfCoordinator(ctx);
            }
            if (leaving && ctx.now() - lastAsked >= config.timeout()) {
                askToLeave(ctx);
            }
        } else if (joining && !left && ctx.now() - lastAsked >= config.timeout()) {
            lastAsked = ctx.now();
            ctx.broadcast(new Join());
        }
        tickLater(ctx);
    }

    private void tickLater(Context ctx) {
        long next = ctx.now() - ctx.now() % config.heartbeat() + config.heartbeat();
        if (next <= config.runFor()) {
            ctx.setTimer(TICK, next - ctx.now());
        }
    }

    private List<Integer> watched() {
        TreeSet<Integer> nodes = new TreeSet<>(view.members());
        if (pending != null) {
            nodes.addAll(pending.everyone());
        }
        nodes.remove(self);
        return List.copyOf(nodes);
    }

    private void askToJoin(Context ctx) {
        if (view != null || left) {
            ctx.note(ProcessLabel.of(self) + (left ? " has left the group" : " is a member already"));
            return;
        }
        joining = true;
        lastAsked = ctx.now();
        ctx.broadcast(new Join());
    }

    private void askToLeave(Context ctx) {
        if (view == null) {
            ctx.note(ProcessLabel.of(self) + " is not a member of the group");
            return;
        }
        leaving = true;
        lastAsked = ctx.now();
        int coordinator = coordinator();
        if (coordinator == self) {
            wantLeave.add(self);
            changeViewIfCoordinator(ctx);
        } else {
            ctx.send(coordinator, new Leave());
        }
    }

    private int coordinator() {
        return view.members().stream().filter(m -> !detector.suspects(m)).findFirst().orElse(self);
    }

    /** The coordinator proposes the next view: without suspects and leavers, with joiners; or retries a flush a member failed. */
    private void changeViewIfCoordinator(Context ctx) {
        if (view == null || coordinator() != self) {
            return;
        }
        Proposal proposal;
        if (pending == null) {
            TreeSet<Integer> members = new TreeSet<>(view.members());
            members.removeIf(detector::suspects);
            TreeSet<Integer> flushers = new TreeSet<>(members);
            members.removeAll(wantLeave);
            members.addAll(wantJoin);
            if (members.isEmpty() || members.equals(new TreeSet<>(view.members()))) {
                return;
            }
            proposal = new Proposal(view.id() + 1, 0, List.copyOf(members), List.copyOf(flushers));
        } else {
            if (pending.everyone().stream().noneMatch(detector::suspects)) {
                return;
            }
            proposal = new Proposal(pending.view(), pending.attempt() + 1,
                    pending.members().stream().filter(m -> !detector.suspects(m)).toList(),
                    pending.flushers().stream().filter(m -> !detector.suspects(m)).toList());
        }
        for (int node : proposal.everyone()) {
            if (node != self) {
                ctx.send(node, new ViewChange(proposal));
            }
        }
        onViewChange(ctx, proposal);
    }

    private void onViewChange(Context ctx, Proposal proposal) {
        boolean forMember = view != null && proposal.view() == view.id() + 1 && proposal.everyone().contains(self);
        boolean forJoiner = view == null && joining && !left && proposal.members().contains(self);
        if (!(forMember || forJoiner) || !proposal.newerThan(pending)) {
            return;
        }
        detector.watch(proposal.everyone(), ctx.now());
        if (!config.flush()) {
            ctx.note("the flush is switched off: " + ProcessLabel.of(self) + " installs view " + proposal.view() + " at once");
            end(ctx, proposal);
            return;
        }
        pending = proposal;
        List<MessageId> order = List.of();
        if (messages != null) {
            order = messages.freezeOrder();
            for (Data data : messages.unstable()) {
                for (int node : proposal.flushers()) {
                    if (node != self) {
                        ctx.send(node, data);
                    }
                }
            }
        }
        Flush flush = new Flush(proposal.view(), proposal.attempt(), order);
        for (int node : proposal.everyone()) {
            if (node != self) {
                ctx.send(node, flush);
            }
        }
        completeFlush(ctx);
    }

    private void completeFlush(Context ctx) {
        if (pending == null || !flushedFrom(pending).containsAll(othersIn(pending))) {
            return;
        }
        end(ctx, pending);
    }

    /** The current view ends (its leftovers delivered) and the proposal's view is installed, or this process leaves. */
    private void end(Context ctx, Proposal proposal) {
        if (messages != null && config.flush()) {
            List<MessageId> agreed = messages.freezeOrder();
            for (ReceivedFlush received : flushes) {
                if (matches(received.flush(), proposal) && received.flush().order().size() > agreed.size()) {
                    agreed = received.flush().order();
                }
            }
            deliver(ctx, messages.close(agreed));
        }
        flushes.removeIf(f -> f.flush().view() <= proposal.view());
        pending = null;
        if (proposal.members().contains(self)) {
            install(ctx, new GroupView(proposal.view(), proposal.members()));
        } else {
            view = null;
            messages = null;
            left = true;
            leaving = false;
            ctx.cancelTimer(TICK);
            ctx.stateChanged(ProcessLabel.of(self) + " has left the group");
        }
    }

    private void install(Context ctx, GroupView next) {
        view = next;
        messages = new ViewMessages(next, config.variant(), config.n());
        seqInView = 0;
        joining = false;
        detector.installed(next.members(), ctx.now());
        wantJoin.removeAll(next.members());
        wantLeave.retainAll(next.members());
        ctx.output(new Output.ViewInstalled(next.id(), next.members()));
        List<Early> arrived = new ArrayList<>(early);
        early.clear();
        for (Early message : arrived) {
            onViewMessage(ctx, message.from(), message.message());
        }
        List<String> waiting = new ArrayList<>(queued);
        queued.clear();
        for (String text : waiting) {
            multicast(ctx, text);
        }
        changeViewIfCoordinator(ctx);
    }

    private TreeSet<Integer> flushedFrom(Proposal proposal) {
        TreeSet<Integer> from = new TreeSet<>();
        for (ReceivedFlush received : flushes) {
            if (matches(received.flush(), proposal)) {
                from.add(received.from());
            }
        }
        return from;
    }

    private List<Integer> othersIn(Proposal proposal) {
        return proposal.everyone().stream().filter(node -> node != self).toList();
    }

    private static boolean matches(Flush flush, Proposal proposal) {
        return flush.view() == proposal.view() && flush.attempt() == proposal.attempt();
    }

    // --- what the inspector shows ---

    @Override
    public Object fingerprint() {
        return Arrays.asList(detector.fingerprint(), view, messages == null ? null : messages.fingerprint(), left, joining,
                leaving, pending, List.copyOf(flushes), List.copyOf(early), List.copyOf(queued), new TreeSet<>(wantJoin),
                new TreeSet<>(wantLeave), number, seqInView, lastAsked);
    }

    @Override
    public Map<String, Object> view() {
        return MemberView.of(this).map();
    }

    @Override
    public StateDisplay display() {
        return MemberView.of(this).display();
    }

    String status() {
        return left ? LEFT : view == null ? (joining ? "joining" : "outside the group") : pending != null ? "flushing" : "member";
    }

    GroupConfig config() {
        return config;
    }

    GroupView groupView() {
        return view;
    }

    ViewMessages messages() {
        return messages;
    }

    Proposal pending() {
        return pending;
    }

    List<Integer> flushesReceived() {
        return pending == null ? List.of() : List.copyOf(flushedFrom(pending));
    }

    List<Integer> suspected() {
        return detector.suspected();
    }

    int self() {
        return self;
    }

    Integer coordinatorOrNull() {
        return view == null ? null : coordinator();
    }
}
