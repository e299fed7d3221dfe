package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Causal order with vector timestamps, as the lecture builds it: to multicast, a member adds one to its own entry
 * and sends its clock with the message (delivering its own message at once); a message from Pj stamped V waits in
 * the hold-back queue until it is Pj's next message (V[j] = own[j] + 1) and everything Pj had delivered has been
 * delivered here (V[k] <= own[k] for every other k). Delivering it sets own[j] to V[j].
 */
final class CausalMember extends Member {
    private VectorClock clock;
    private final List<Stamped> held = new ArrayList<>();

    CausalMember(OmConfig config, int self) {
        super(config, self);
        clock = VectorClock.zero(config.members());
    }

    @Override
    void multicast(Context ctx, MsgId id) {
        clock = clock.tick(self);
        deliver(ctx, id, clock.label(), clock);
        toOthers(ctx, new Stamped(id, clock));
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (!(message instanceof Stamped stamped) || stamped.stamp().get(stamped.id().origin()) <= clock.get(stamped.id().origin())
                || held.contains(stamped)) {
            return;
        }
        held.add(stamped);
        if (!clock.admits(stamped.id().origin(), stamped.stamp())) {
            ctx.stateChanged("holds back " + stamped.id() + " stamped " + stamped.stamp().label() + " at " + clock.label()
                    + ": it has not delivered " + clock.missing(stamped.id().origin(), stamped.stamp()));
        }
        deliverAdmitted(ctx);
    }

    private void deliverAdmitted(Context ctx) {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Stamped candidate : held) {
                int origin = candidate.id().origin();
                if (clock.admits(origin, candidate.stamp())) {
                    held.remove(candidate);
                    clock = clock.with(origin, candidate.stamp().get(origin));
                    deliver(ctx, candidate.id(), clock.label(), clock);
                    progress = true;
                    break;
                }
            }
        }
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = super.view();
        view.put("clock", clock.entries());
        return view;
    }

    @Override
    List<StateDisplay.Section> orderingState() {
        return List.of(VectorSection.of("Vector clock", clock));
    }

    @Override
    StateDisplay.Table holdBack() {
        List<List<Object>> rows = new ArrayList<>();
        for (Stamped stamped : held) {
            rows.add(StateDisplay.Table.row(stamped.id().name(), ProcessLabel.of(stamped.id().origin()), stamped.stamp().label(),
                    clock.missing(stamped.id().origin(), stamped.stamp())));
        }
        return new StateDisplay.Table("Hold-back queue", List.of("message", "origin", "timestamp", "waits for"), rows);
    }

    @Override
    Object orderingFingerprint() {
        return Arrays.asList(clock, new ArrayList<>(held));
    }

    @Override
    List<String> held() {
        return held.stream().map(s -> s.id().name()).toList();
    }
}
