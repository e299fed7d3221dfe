package dev.faultlab.protocols.twoarmy;

import dev.faultlab.sim.Context;
import dev.faultlab.sim.Delivery;
import dev.faultlab.sim.RoundProcess;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One general of the k-message acknowledgement protocol. Message i travels in round i: Sparta sends the order in
 * round 1, and whoever received message i-1 answers it with message i. At noon (the end of round k) a general
 * attacks exactly when every message addressed to it arrived; a lost message stops the exchange, since its
 * receiver has nothing to acknowledge.
 */
final class General implements RoundProcess {
    static final String ATTACK = "attack";
    static final String RETREAT = "retreat";

    private final int self;
    private final int k;
    private final List<Integer> received = new ArrayList<>();
    private final List<Integer> sent = new ArrayList<>();
    private String decision;

    General(int self, int k) {
        this.self = self;
        this.k = k;
    }

    @Override
    public void onRound(Context ctx, int round, List<Delivery> inbox) {
        read(inbox);
        boolean mine = Messenger.senderOf(round) == self;
        boolean prompted = round == 1 || received.contains(round - 1);
        if (mine && prompted) {
            sent.add(round);
            ctx.send(1 - self, new Messenger(round));
        }
    }

    @Override
    public void onEnd(Context ctx, List<Delivery> inbox) {
        read(inbox);
        decision = expected().stream().allMatch(received::contains) ? ATTACK : RETREAT;
        ctx.decide(decision);
    }

    private void read(List<Delivery> inbox) {
        for (Delivery delivery : inbox) {
            received.add(((Messenger) delivery.message()).number());
        }
    }

    /** The numbers of the messages the protocol addresses to this general. */
    private List<Integer> expected() {
        List<Integer> mine = new ArrayList<>();
        for (int number = 1; number <= k; number++) {
            if (Messenger.receiverOf(number) == self) {
                mine.add(number);
            }
        }
        return mine;
    }

    @Override
    public Object fingerprint() {
        return Arrays.asList(List.copyOf(received), List.copyOf(sent), decision);
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("general", TwoArmy.nameOf(self));
        view.put("awaits", expected());
        view.put("received", List.copyOf(received));
        view.put("sent", List.copyOf(sent));
        view.put("decision", decision);
        return view;
    }

    @Override
    public StateDisplay display() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("general", TwoArmy.nameOf(self));
        fields.put("messages in the protocol", k);
        fields.put("decision at noon", decision == null ? "not yet" : decision);
        List<List<Object>> rows = new ArrayList<>();
        for (int number = 1; number <= k; number++) {
            boolean outgoing = Messenger.senderOf(number) == self;
            String status = outgoing ? (sent.contains(number) ? "sent" : "not sent")
                    : (received.contains(number) ? "received" : "not received");
            rows.add(List.of(number, outgoing ? "to " + TwoArmy.nameOf(1 - self) : "from " + TwoArmy.nameOf(1 - self), status));
        }
        return StateDisplay.of(new StateDisplay.Fields("General", fields),
                new StateDisplay.Table("Messages", List.of("message", "way", "status"), rows));
    }
}
