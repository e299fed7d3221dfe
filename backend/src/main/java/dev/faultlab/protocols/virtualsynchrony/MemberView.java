package dev.faultlab.protocols.virtualsynchrony;

import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a member reads in the inspector and to keys and monitors: its status and view, each message of the view
 * (received, delivered, stable, who holds it), the view change in progress and the flushes it still waits for.
 */
record MemberView(Member member) {
    static final String STATUS = "status";
    static final String VIEW = "view";
    static final String MEMBERS = "members";
    static final String DELIVERED = "delivered";
    static final String UNSTABLE = "unstable";

    static MemberView of(Member member) {
        return new MemberView(member);
    }

    Map<String, Object> map() {
        Map<String, Object> map = new LinkedHashMap<>();
        GroupView view = member.groupView();
        map.put(STATUS, member.status());
        map.put(VIEW, view == null ? null : view.id());
        map.put(MEMBERS, view == null ? List.of() : view.members());
        map.put("coordinator", member.coordinatorOrNull());
        ViewMessages messages = member.messages();
        map.put("received", messages == null ? List.of() : messages.received().stream().map(d -> d.id().label()).toList());
        map.put(DELIVERED, messages == null ? List.of() : messages.deliveredInOrder().stream().map(MessageId::label).toList());
        map.put(UNSTABLE, messages == null ? List.of() : messages.unstable().stream().map(d -> d.id().label()).toList());
        Proposal pending = member.pending();
        if (pending != null) {
            Map<String, Object> proposal = new LinkedHashMap<>();
            proposal.put("view", pending.view());
            proposal.put("attempt", pending.attempt());
            proposal.put(MEMBERS, pending.members());
            proposal.put("flushesFrom", member.flushesReceived());
            map.put("proposal", proposal);
        }
        map.put("suspects", member.suspected());
        return map;
    }

    StateDisplay display() {
        GroupView view = member.groupView();
        GroupConfig config = member.config();
        List<StateDisplay.Section> sections = new ArrayList<>();
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("status", member.status());
        group.put("view", view == null ? "none" : view.label());
        group.put("coordinator", member.coordinatorOrNull() == null ? "-" : ProcessLabel.of(member.coordinatorOrNull()));
        group.put("multicast", config.variant().id());
        group.put("flush", config.flush() ? "on" : "off");
        sections.add(new StateDisplay.Fields("Group", group));
        ViewMessages messages = member.messages();
        if (messages != null) {
            List<List<Object>> rows = new ArrayList<>();
            for (Data data : messages.received()) {
                rows.add(StateDisplay.Table.row(data.id().label(), "view " + data.view(), "yes",
                        messages.delivered(data.id()) ? "yes" : "no", messages.stable(data.id()) ? "stable" : "unstable",
                        GroupView.labels(messages.holders(data.id()))));
            }
            sections.add(new StateDisplay.Table("Messages of this view", List.of("message", "multicast in", "received", "delivered",
                    "stability", "held by"), rows));
            sections.add(new StateDisplay.Vector("Delivered per sender (vector clock)", labels(config.n()),
                    new ArrayList<>(messages.vectorClock())));
            if (config.variant().total()) {
                sections.add(new StateDisplay.Set("Total order from the sequencer", new ArrayList<>(messages.order().stream()
                        .map(MessageId::label).toList())));
            }
        }
        Proposal pending = member.pending();
        if (pending != null) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("next view", "view " + pending.view() + " " + GroupView.labels(pending.members()));
            change.put("attempt", pending.attempt() + 1);
            change.put("flushes from", GroupView.labels(member.flushesReceived()));
            List<Integer> waiting = new ArrayList<>(pending.everyone());
            waiting.removeAll(member.flushesReceived());
            waiting.remove(Integer.valueOf(member.self()));
            change.put("waiting for", GroupView.labels(waiting));
            sections.add(new StateDisplay.Fields("Flush", change));
        }
        sections.add(new StateDisplay.Set("Suspected", new ArrayList<>(member.suspected().stream().map(ProcessLabel::of).toList())));
        return new StateDisplay(sections);
    }

    private static List<String> labels(int n) {
        List<String> labels = new ArrayList<>();
        for (int node = 0; node < n; node++) {
            labels.add(ProcessLabel.of(node));
        }
        return labels;
    }
}
