package dev.faultlab.protocols.virtualsynchrony;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one member knows of the messages of its current view: those received, who holds each (its origin, who
 * sent it on, who acknowledged it), those delivered in the variant's order, and in the atomic variants the view's
 * total order from the sequencer. A message is stable once every member of the view holds it; until then a member
 * keeps it to send on in a flush.
 */
final class ViewMessages {
    /** Leftovers at a view's end go in this order, which respects FIFO and causal order (vector sums grow along both). */
    private static final Comparator<Data> LEFTOVER = Comparator.comparingInt(Data::vtSum).thenComparing(Data::id);

    private final GroupView view;
    private final Variant variant;
    private final Map<MessageId, Data> received = new LinkedHashMap<>();
    private final Map<MessageId, TreeSet<Integer>> holders = new TreeMap<>();
    private final List<MessageId> delivered = new ArrayList<>();
    private final Set<MessageId> deliveredSet = new HashSet<>();
    private final int[] vt;
    private final List<MessageId> order = new ArrayList<>();
    private int nextOrdered;
    private final Set<MessageId> sequenced = new HashSet<>();
    private final int[] sequencedVt;
    private List<MessageId> frozenOrder;

    ViewMessages(GroupView view, Variant variant, int n) {
        this.view = view;
        this.variant = variant;
        this.vt = new int[n];
        this.sequencedVt = new int[n];
    }

    /** Everything the view's messages stand at, received ones in arrival order (delivery scans them so). */
    Object fingerprint() {
        return Arrays.asList(view, new ArrayList<>(received.entrySet()), new TreeMap<>(holders), List.copyOf(delivered),
                Arrays.toString(vt), List.copyOf(order), nextOrdered, new HashSet<>(sequenced), Arrays.toString(sequencedVt),
                frozenOrder);
    }

    GroupView view() {
        return view;
    }

    /** A new message of this member, stamped with its vector timestamp. */
    Data stamp(int self, int number, int seq, String text) {
        List<Integer> stamp = new ArrayList<>();
        for (int k = 0; k < vt.length; k++) {
            stamp.add(k == self ? seq : vt[k]);
        }
        return new Data(new MessageId(self, number), view.id(), seq, stamp, text);
    }

    /** Takes in a message received from {@code from}; false if it was here already. */
    boolean receive(Data data, int self, int from) {
        TreeSet<Integer> who = holders.computeIfAbsent(data.id(), id -> new TreeSet<>());
        who.add(from);
        who.add(data.id().origin());
        who.add(self);
        return received.putIfAbsent(data.id(), data) == null;
    }

    boolean has(MessageId id) {
        return received.containsKey(id);
    }

    void acknowledged(MessageId id, int from) {
        holders.computeIfAbsent(id, key -> new TreeSet<>()).add(from);
    }

    boolean stable(MessageId id) {
        TreeSet<Integer> who = holders.get(id);
        return who != null && who.containsAll(view.members());
    }

    /** Received messages not known to be held by every member: what a flush sends on. */
    List<Data> unstable() {
        return received.values().stream().filter(d -> !stable(d.id())).toList();
    }

    /** The messages that may be delivered now, in the order they are delivered; they count as delivered. */
    List<Data> deliverable() {
        List<Data> now = new ArrayList<>();
        if (variant.total()) {
            while (nextOrdered < order.size() && received.containsKey(order.get(nextOrdered))) {
                Data data = received.get(order.get(nextOrdered++));
                if (!deliveredSet.contains(data.id())) {
                    deliver(data, now);
                }
            }
            return now;
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Data data : received.values()) {
                if (!deliveredSet.contains(data.id()) && eligible(data, vt)) {
                    deliver(data, now);
                    progress = true;
                }
            }
        }
        return now;
    }

    /** The sequencer's next places in the total order: received messages in the variant's basic order. */
    List<Order> sequence() {
        List<Order> placed = new ArrayList<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Data data : received.values()) {
                if (!sequenced.contains(data.id()) && eligible(data, sequencedVt)) {
                    sequenced.add(data.id());
                    sequencedVt[data.id().origin()]++;
                    placed.add(new Order(view.id(), order.size(), data.id()));
                    order.add(data.id());
                    progress = true;
                }
            }
        }
        return placed;
    }

    /** A place in the total order from the sequencer; ignored once this member has flushed (its order is frozen). */
    void ordered(Order place) {
        if (frozenOrder == null && place.index() == order.size()) {
            order.add(place.id());
        }
    }

    /** The total order as this member knows it when it first flushes; it takes no later places. */
    List<MessageId> freezeOrder() {
        if (frozenOrder == null) {
            frozenOrder = List.copyOf(order);
        }
        return frozenOrder;
    }

    boolean frozen() {
        return frozenOrder != null;
    }

    /**
     * The view ends: delivers what is left, the same at every member that completed the flush, since they all hold
     * the same messages and the same agreed order: first the agreed order, then the rest in {@link #LEFTOVER} order.
     */
    List<Data> close(List<MessageId> agreedOrder) {
        List<Data> now = new ArrayList<>(deliverable());
        for (MessageId id : agreedOrder) {
            Data data = received.get(id);
            if (data != null && !deliveredSet.contains(id)) {
                deliver(data, now);
            }
        }
        List<Data> rest = new ArrayList<>(received.values().stream().filter(d -> !deliveredSet.contains(d.id())).toList());
        rest.sort(LEFTOVER);
        for (Data data : rest) {
            deliver(data, now);
        }
        return now;
    }

    private boolean eligible(Data data, int[] clock) {
        int origin = data.id().origin();
        return switch (variant.basic()) {
            case NONE -> true;
            case FIFO -> data.seq() == clock[origin] + 1;
            case CAUSAL -> causallyNext(data, clock, origin);
        };
    }

    private static boolean causallyNext(Data data, int[] clock, int origin) {
        for (int k = 0; k < clock.length; k++) {
            int stamp = data.vt().get(k);
            if (k == origin ? stamp != clock[k] + 1 : stamp > clock[k]) {
                return false;
            }
        }
        return true;
    }

    private void deliver(Data data, List<Data> now) {
        delivered.add(data.id());
        deliveredSet.add(data.id());
        vt[data.id().origin()]++;
        now.add(data);
    }

    List<Data> received() {
        return List.copyOf(received.values());
    }

    boolean delivered(MessageId id) {
        return deliveredSet.contains(id);
    }

    List<MessageId> deliveredInOrder() {
        return List.copyOf(delivered);
    }

    List<Integer> holders(MessageId id) {
        return List.copyOf(holders.getOrDefault(id, new TreeSet<>()));
    }

    List<Integer> vectorClock() {
        List<Integer> clock = new ArrayList<>();
        for (int value : vt) {
            clock.add(value);
        }
        return clock;
    }

    List<MessageId> order() {
        return List.copyOf(order);
    }
}
