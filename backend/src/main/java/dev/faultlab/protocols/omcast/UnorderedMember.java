package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.StateDisplay;

import java.util.List;

/** No order: the origin delivers its message at once and every other member as it arrives. Nothing is held back. */
final class UnorderedMember extends Member {
    UnorderedMember(OmConfig config, int self) {
        super(config, self);
    }

    @Override
    void multicast(Context ctx, MsgId id) {
        deliver(ctx, id, null);
        toOthers(ctx, new Data(id));
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Data data) {
            deliver(ctx, data.id(), null);
        }
    }

    @Override
    StateDisplay.Table holdBack() {
        return new StateDisplay.Table("Hold-back queue", List.of("message"), List.of());
    }

    @Override
    Object orderingFingerprint() {
        return List.of();
    }

    @Override
    List<String> held() {
        return List.of();
    }
}
