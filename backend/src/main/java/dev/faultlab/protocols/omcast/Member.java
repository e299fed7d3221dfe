package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.AsyncProcess;
import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.Request;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every group member does whatever the ordering: it issues the multicasts of the workload (at their time, or
 * once the message they wait for is delivered) and of REQUEST interventions, numbering its own messages 1, 2, ...,
 * and hands what the ordering lets through to its application. The ordering (a subclass) decides how a multicast
 * travels and when a message may be delivered: what waits meanwhile is its hold-back queue.
 */
abstract class Member implements AsyncProcess {
    private static final String ISSUE = "multicast ";

    protected final OmConfig config;
    protected final int self;
    private int issued;
    private final List<Delivered> delivered = new ArrayList<>();
    private final List<Issue> waiting = new ArrayList<>();

    Member(OmConfig config, int self) {
        this.config = config;
        this.self = self;
    }

    @Override
    public void onStart(Context ctx) {
        for (Issue issue : config.workload()) {
            if (issue.from() == self && issue.at() == 0) {
                onTimer(ctx, ISSUE + issue.name());
            } else if (issue.from() == self) {
                ctx.setTimer(ISSUE + issue.name(), issue.at());
            }
        }
        started(ctx);
    }

    /** The ordering's own start (a token to hold, say). */
    void started(Context ctx) {
    }

    @Override
    public void onTimer(Context ctx, String timer) {
        if (!timer.startsWith(ISSUE)) {
            onOrderingTimer(ctx, timer);
            return;
        }
        String name = timer.substring(ISSUE.length());
        Issue issue = config.workload().stream().filter(i -> i.from() == self && i.name().equals(name)).findFirst().orElseThrow();
        if (issue.after() == null || hasDelivered(issue.after())) {
            issue(ctx, name);
        } else {
            waiting.add(issue);
            ctx.note("waits to multicast " + name + " until it has delivered " + issue.after());
        }
    }

    void onOrderingTimer(Context ctx, String timer) {
    }

    @Override
    public void onRequest(Context ctx, Request request) {
        issue(ctx, request.command());
    }

    private void issue(Context ctx, String name) {
        MsgId id = new MsgId(self, ++issued, name);
        multicast(ctx, id);
    }

    /** Sends the new multicast {@code id} on its way as the ordering does. */
    abstract void multicast(Context ctx, MsgId id);

    /** Hands {@code id} to the application, labelled with the timestamp it was ordered by (null: none). */
    protected void deliver(Context ctx, MsgId id, String label) {
        deliver(ctx, id, label, null);
    }

    /** As {@link #deliver(Context, MsgId, String)}, for an ordering that keeps a vector clock: its value after the delivery. */
    protected void deliver(Context ctx, MsgId id, String label, VectorClock clock) {
        Delivered delivery = new Delivered(id, label, clock == null ? null : clock.entries());
        delivered.add(delivery);
        ctx.output(new Output.Deliver(id.origin(), delivery));
        List<Issue> ready = waiting.stream().filter(i -> i.after().equals(id.name())).toList();
        waiting.removeAll(ready);
        for (Issue issue : ready) {
            issue(ctx, issue.name());
        }
    }

    private boolean hasDelivered(String name) {
        return delivered.stream().anyMatch(d -> d.id().name().equals(name));
    }

    /** The group's members other than this one, ascending. */
    protected List<Integer> others() {
        List<Integer> others = new ArrayList<>();
        for (int member = 0; member < config.members(); member++) {
            if (member != self) {
                others.add(member);
            }
        }
        return others;
    }

    protected void toOthers(Context ctx, Message message) {
        for (int member : others()) {
            ctx.send(member, message);
        }
    }

    /** The hold-back queue, one row per message waiting, in the queue's order. */
    abstract StateDisplay.Table holdBack();

    /** The ordering's own state (clocks, counters), besides the queues; empty by default. */
    List<StateDisplay.Section> orderingState() {
        return List.of();
    }

    /** The names of the messages in the hold-back queue, for the state view. */
    abstract List<String> held();

    /** The ordering's own state (clocks, counters, hold-back queue, token) as a value, for the fingerprint. */
    abstract Object orderingFingerprint();

    @Override
    public final Object fingerprint() {
        return Arrays.asList(issued, List.copyOf(delivered), List.copyOf(waiting), orderingFingerprint());
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ordering", config.ordering().id());
        view.put("issued", issued);
        view.put("delivered", delivered.stream().map(d -> d.id().name()).toList());
        view.put("holdBack", held());
        return view;
    }

    @Override
    public StateDisplay display() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ordering", config.ordering().id());
        fields.put("multicasts issued", issued);
        fields.put("waiting to multicast", waiting.isEmpty() ? "nothing"
                : String.join(", ", waiting.stream().map(i -> i.name() + " (after " + i.after() + ")").toList()));
        List<StateDisplay.Section> sections = new ArrayList<>();
        sections.add(new StateDisplay.Fields("Member " + ProcessLabel.of(self), fields));
        sections.addAll(orderingState());
        sections.add(holdBack());
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < delivered.size(); i++) {
            Delivered d = delivered.get(i);
            rows.add(StateDisplay.Table.row(i + 1, d.id().name(), ProcessLabel.of(d.id().origin()) + "." + d.id().seq(), d.diagramLabel()));
        }
        sections.add(new StateDisplay.Table("Delivered", List.of("#", "message", "origin.number", "timestamp"), rows));
        return new StateDisplay(sections);
    }
}
