package dev.faultlab.protocols.omcast;

import dev.faultlab.sim.EventKind;
import dev.faultlab.sim.Output;
import dev.faultlab.sim.TraceEvent;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The multicasts and deliveries of a run as the monitors follow them, one event at a time, from the trace alone: a
 * message is multicast at the first event of its origin that carries it (a send, or its own delivery), and
 * delivered at an OUTPUT deliver event. It also keeps each message's causal past: what its origin had multicast or
 * delivered before multicasting it, and the pasts of those (happened-before over multicasts and deliveries), with the
 * event at which the origin came to know each message of it.
 */
final class Deliveries {
    /** One multicast message: its index here, the event it was multicast at, and its causal past (message indexes). */
    record Multicast(MsgId id, int index, int event, BitSet past) {
    }

    /** A delivery of message {@code index} at {@code node}, the {@code position}-th there (from 0), at trace event {@code event}. */
    record Delivery(int node, int index, int position, int event) {
    }

    private final List<Multicast> messages = new ArrayList<>();
    /** Looked up by key only. */
    private final Map<MsgId, Multicast> byId = new HashMap<>();
    private final Map<Integer, List<Delivery>> deliveredAt = new TreeMap<>();
    /** Per node: the messages it knows of causally (multicast or delivered, with their pasts) and the event it learned each at. */
    private final Map<Integer, BitSet> knows = new HashMap<>();
    private final Map<Integer, Map<Integer, Integer>> learnedAt = new HashMap<>();

    /** Reads one event; returns the delivery it records, or null. */
    Delivery onEvent(TraceEvent event) {
        MsgId carried = carried(event);
        if (carried != null && carried.origin() == event.node() && !byId.containsKey(carried)) {
            multicast(carried, event);
        }
        if (event.kind() == EventKind.OUTPUT && Output.of(event) instanceof Output.Deliver deliver
                && deliver.message() instanceof Delivered delivered && byId.containsKey(delivered.id())) {
            return delivered(event.node(), byId.get(delivered.id()), event.seq());
        }
        return null;
    }

    private static MsgId carried(TraceEvent event) {
        if (event.kind() == EventKind.SEND && event.payload() instanceof Carrying carrying) {
            return carrying.id();
        }
        if (event.kind() == EventKind.OUTPUT && Output.of(event) instanceof Output.Deliver deliver && deliver.message() instanceof Delivered delivered) {
            return delivered.id();
        }
        return null;
    }

    private void multicast(MsgId id, TraceEvent event) {
        BitSet known = knows(event.node());
        Multicast message = new Multicast(id, messages.size(), event.seq(), (BitSet) known.clone());
        messages.add(message);
        byId.put(id, message);
        learn(event.node(), message.index(), event.seq());
    }

    private Delivery delivered(int node, Multicast message, int seq) {
        List<Delivery> list = deliveredAt.computeIfAbsent(node, k -> new ArrayList<>());
        Delivery delivery = new Delivery(node, message.index(), list.size(), seq);
        list.add(delivery);
        message.past().stream().forEach(i -> learn(node, i, seq));
        learn(node, message.index(), seq);
        return delivery;
    }

    private void learn(int node, int index, int seq) {
        BitSet known = knows(node);
        if (!known.get(index)) {
            known.set(index);
            learnedAt.computeIfAbsent(node, k -> new HashMap<>()).put(index, seq);
        }
    }

    private BitSet knows(int node) {
        return knows.computeIfAbsent(node, k -> new BitSet());
    }

    /** A record of the same multicasts (with their causal pasts) and no deliveries: to judge other delivery orders. */
    Deliveries multicastsOnly() {
        Deliveries copy = new Deliveries();
        for (Multicast message : messages) {
            copy.messages.add(message);
            copy.byId.put(message.id(), message);
        }
        return copy;
    }

    /** Records that {@code node} delivers message {@code index} next, as trace event {@code seq}. */
    Delivery deliver(int node, int index, int seq) {
        return delivered(node, messages.get(index), seq);
    }

    Multicast message(int index) {
        return messages.get(index);
    }

    Multicast message(MsgId id) {
        return byId.get(id);
    }

    int count() {
        return messages.size();
    }

    /** The deliveries at {@code node} so far, in order. */
    List<Delivery> at(int node) {
        return deliveredAt.getOrDefault(node, List.of());
    }

    /** Whether {@code node} has delivered message {@code index}. */
    boolean delivered(int node, int index) {
        return position(node, index) >= 0;
    }

    /** Where {@code node} delivered message {@code index} in its order (from 0), or -1. */
    int position(int node, int index) {
        for (Delivery d : at(node)) {
            if (d.index() == index) {
                return d.position();
            }
        }
        return -1;
    }

    /** The event at which {@code node} came to know message {@code index} (its multicast or a delivery), or -1. */
    int learnedAt(int node, int index) {
        return learnedAt.getOrDefault(node, Map.of()).getOrDefault(index, -1);
    }

    /** Nodes that delivered something, ascending. */
    List<Integer> nodes() {
        return List.copyOf(deliveredAt.keySet());
    }
}
