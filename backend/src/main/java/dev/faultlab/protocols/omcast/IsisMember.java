package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.Context;
import dev.faultlab.sim.Message;
import dev.faultlab.sim.ProcessLabel;
import dev.faultlab.sim.StateDisplay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ISIS algorithm for total order: the origin sends its message to everyone; each member proposes a number one
 * above the largest it has proposed or seen agreed, queues the message as undeliverable and answers the origin; the
 * origin takes the largest proposal (ties: the larger proposer id) as agreed and sends it to everyone; a member
 * re-sorts its queue by (number, proposer) and delivers from the head while the head's number is agreed. The origin
 * needs every member's proposal: one crashed member, and its messages wait for ever.
 */
final class IsisMember extends Member {
    private static final Comparator<Slot> ORDER = Comparator.comparingLong(Slot::seq).thenComparingInt(Slot::proposer);

    /** A queued message with its current number: proposed here, or agreed. */
    private record Slot(MsgId id, long seq, int proposer, boolean agreed) {
    }

    private long largestProposed;
    private long largestAgreed;
    private final List<Slot> queue = new ArrayList<>();
    /** For this member's own messages: the proposals so far, by proposer. Looked up by key. */
    private final Map<MsgId, long[]> proposals = new HashMap<>();
    /** Every message queued here so far: a duplicate is neither proposed for nor delivered again. Looked up by key. */
    private final Set<MsgId> seen = new HashSet<>();

    IsisMember(OmConfig config, int self) {
        super(config, self);
    }

    @Override
    void multicast(Context ctx, MsgId id) {
        long[] received = new long[config.members()];
        proposals.put(id, received);
        seen.add(id);
        toOthers(ctx, new Data(id));
        received[self] = propose(id);
        decideIfComplete(ctx, id);
    }

    private long propose(MsgId id) {
        largestProposed = Math.max(largestProposed, largestAgreed) + 1;
        queue.add(new Slot(id, largestProposed, self, false));
        queue.sort(ORDER);
        return largestProposed;
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Data data && seen.add(data.id())) {
            ctx.send(from, new Proposal(data.id(), propose(data.id())));
        } else if (message instanceof Proposal proposal && proposals.containsKey(proposal.id())) {
            proposals.get(proposal.id())[from] = proposal.seq();
            decideIfComplete(ctx, proposal.id());
        } else if (message instanceof Agreed agreed) {
            agree(ctx, agreed);
        }
    }

    private void decideIfComplete(Context ctx, MsgId id) {
        long[] received = proposals.get(id);
        int proposer = -1;
        for (int member = 0; member < received.length; member++) {
            if (received[member] == 0) {
                return;
            }
            if (proposer < 0 || received[member] >= received[proposer]) {
                proposer = member;
            }
        }
        proposals.remove(id);
        Agreed agreed = new Agreed(id, received[proposer], proposer);
        toOthers(ctx, agreed);
        agree(ctx, agreed);
    }

    private void agree(Context ctx, Agreed agreed) {
        if (queue.stream().noneMatch(s -> s.id().equals(agreed.id()) && !s.agreed())) {
            return;
        }
        largestAgreed = Math.max(largestAgreed, agreed.seq());
        queue.removeIf(s -> s.id().equals(agreed.id()));
        queue.add(new Slot(agreed.id(), agreed.seq(), agreed.proposer(), true));
        queue.sort(ORDER);
        while (!queue.isEmpty() && queue.get(0).agreed()) {
            Slot head = queue.remove(0);
            deliver(ctx, head.id(), head.seq() + "." + ProcessLabel.of(head.proposer()));
        }
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = super.view();
        view.put("largestProposed", largestProposed);
        view.put("largestAgreed", largestAgreed);
        return view;
    }

    @Override
    List<StateDisplay.Section> orderingState() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("largest proposed", largestProposed);
        fields.put("largest agreed", largestAgreed);
        return List.of(new StateDisplay.Fields("ISIS numbers", fields));
    }

    @Override
    StateDisplay.Table holdBack() {
        List<List<Object>> rows = new ArrayList<>();
        for (Slot slot : queue) {
            rows.add(StateDisplay.Table.row(slot.seq() + "." + ProcessLabel.of(slot.proposer()), slot.id().name(),
                    ProcessLabel.of(slot.id().origin()), slot.agreed() ? "agreed" : "proposed"));
        }
        return new StateDisplay.Table("Hold-back queue (by number)", List.of("number", "message", "origin", "number is"), rows);
    }

    private Map<MsgId, List<Long>> proposalsFingerprint() {
        Map<MsgId, List<Long>> copy = new HashMap<>();
        proposals.forEach((id, proposed) -> copy.put(id, Arrays.stream(proposed).boxed().toList()));
        return copy;
    }

    @Override
    Object orderingFingerprint() {
        return Arrays.asList(largestProposed, largestAgreed, new ArrayList<>(queue), proposalsFingerprint(), new HashSet<>(seen));
    }

    @Override
    List<String> held() {
        return queue.stream().map(s -> s.id().name()).toList();
    }
}
